using Digest.Core.Delivery;
using Digest.Core.Editions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Integration.Tests.Support;

/// <summary>
/// The app's real outbox with storage trouble on chosen claims: claim number n (1-based) throws, as a locked or
/// unreachable database would, when <c>failClaim(n)</c> says so. Everything else goes straight to the real store.
/// </summary>
public sealed class FlakyOutbox(IOutbox inner, Func<int, bool> failClaim) : IOutbox
{
    private int _claims;
    private int _failed;

    /// <summary>Claims asked for so far, failed ones included.</summary>
    public int Claims => Volatile.Read(ref _claims);

    public int FailedClaims => Volatile.Read(ref _failed);

    /// <summary>Puts a flaky outbox over the one the app registered.</summary>
    public static void Install(IServiceCollection services, Func<int, bool> failClaim)
    {
        ArgumentNullException.ThrowIfNull(services);
        var registered = services.Last(d => d.ServiceType == typeof(IOutbox));
        services.Remove(registered);
        services.AddSingleton(sp => new FlakyOutbox(Create(sp, registered), failClaim));
        services.AddSingleton<IOutbox>(sp => sp.GetRequiredService<FlakyOutbox>());
    }

    public Task<IReadOnlyList<OutboxMessage>> ClaimAsync(string senderId, int max, DateTimeOffset now, TimeSpan lease, TimeSpan staleAfter, CancellationToken ct)
    {
        if (failClaim(Interlocked.Increment(ref _claims)))
        {
            Interlocked.Increment(ref _failed);
            throw new SqliteException("database is locked", 5);
        }
        return inner.ClaimAsync(senderId, max, now, lease, staleAfter, ct);
    }

    public Task<bool> EnqueueAsync(DeliveryRequest delivery, IReadOnlyList<MessagePart> parts, CancellationToken ct) => inner.EnqueueAsync(delivery, parts, ct);

    public Task<bool> RequestAsync(DeliveryRequest delivery, CancellationToken ct) => inner.RequestAsync(delivery, ct);

    public Task<IReadOnlyList<WaitingDelivery>> GetWaitingAsync(CancellationToken ct) => inner.GetWaitingAsync(ct);

    public Task<bool> FulfilAsync(
        long deliveryId, long editionId, IReadOnlyList<MessagePart> parts, IReadOnlyList<SentArticle> articles, DateTimeOffset notBefore, CancellationToken ct) =>
        inner.FulfilAsync(deliveryId, editionId, parts, articles, notBefore, ct);

    public Task<IReadOnlyDictionary<long, SentBefore>> GetSentBeforeAsync(IReadOnlyCollection<long> subscriberIds, Edition edition, CancellationToken ct) =>
        inner.GetSentBeforeAsync(subscriberIds, edition, ct);

    public Task<IReadOnlyDictionary<long, IReadOnlyDictionary<long, DateTimeOffset>>> GetLeadStoriesAsync(
        IReadOnlyCollection<long> subscriberIds, DateTimeOffset since, CancellationToken ct) => inner.GetLeadStoriesAsync(subscriberIds, since, ct);

    public Task<IReadOnlyList<long>> GetLastShownAsync(long subscriberId, CancellationToken ct) => inner.GetLastShownAsync(subscriberId, ct);

    public Task<IReadOnlySet<long>> GetDeliveredAsync(DeliveryKind kind, string slot, IReadOnlyCollection<long> subscriberIds, CancellationToken ct) =>
        inner.GetDeliveredAsync(kind, slot, subscriberIds, ct);

    public Task<DateTimeOffset?> LastRecordedAtAsync(long subscriberId, DeliveryKind kind, CancellationToken ct) =>
        inner.LastRecordedAtAsync(subscriberId, kind, ct);

    public Task HeartbeatAsync(string senderId, DateTimeOffset now, CancellationToken ct) => inner.HeartbeatAsync(senderId, now, ct);

    public Task RetireSenderAsync(string senderId, CancellationToken ct) => inner.RetireSenderAsync(senderId, ct);

    public Task<bool> RenewAsync(OutboxMessage claimed, DateTimeOffset now, TimeSpan lease, CancellationToken ct) => inner.RenewAsync(claimed, now, lease, ct);

    public Task MarkSentAsync(OutboxMessage claimed, DateTimeOffset at, CancellationToken ct) => inner.MarkSentAsync(claimed, at, ct);

    public Task ReleaseAsync(OutboxMessage claimed, DateTimeOffset notBefore, string reason, CancellationToken ct) =>
        inner.ReleaseAsync(claimed, notBefore, reason, ct);

    public Task RetryAfterFailureAsync(OutboxMessage claimed, DateTimeOffset notBefore, string error, CancellationToken ct) =>
        inner.RetryAfterFailureAsync(claimed, notBefore, error, ct);

    public Task MarkFailedAsync(OutboxMessage claimed, string error, CancellationToken ct) => inner.MarkFailedAsync(claimed, error, ct);

    public Task DropPendingAsync(long subscriberId, string reason, CancellationToken ct) => inner.DropPendingAsync(subscriberId, reason, ct);

    public Task<int> RetryFailedAsync(DateTimeOffset now, DateTimeOffset since, CancellationToken ct) => inner.RetryFailedAsync(now, since, ct);

    public Task<OutboxCounts> CountAsync(long? editionId, CancellationToken ct) => inner.CountAsync(editionId, ct);

    public Task<OutboxReport> ReportAsync(DateTimeOffset now, TimeSpan staleAfter, CancellationToken ct) => inner.ReportAsync(now, staleAfter, ct);

    private static IOutbox Create(IServiceProvider services, ServiceDescriptor registered) => registered switch
    {
        { ImplementationInstance: IOutbox instance } => instance,
        { ImplementationFactory: { } factory } => (IOutbox)factory(services),
        { ImplementationType: { } type } => (IOutbox)ActivatorUtilities.CreateInstance(services, type),
        _ => throw new InvalidOperationException("IOutbox is registered in a way this test does not know"),
    };
}
