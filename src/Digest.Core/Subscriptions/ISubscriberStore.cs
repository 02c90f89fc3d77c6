namespace Digest.Core.Subscriptions;

public interface ISubscriberStore
{
    Task<Subscriber?> GetAsync(string platform, string chatId, CancellationToken ct);

    Task<Subscriber?> GetByIdAsync(long id, CancellationToken ct);

    /// <summary>Inserts or updates by (platform, chat id) and returns the stored row.</summary>
    Task<Subscriber> SaveAsync(Subscriber subscriber, CancellationToken ct);

    /// <summary>Active subscribers receiving the given frequency (Daily matches Daily and Both).</summary>
    Task<IReadOnlyList<Subscriber>> GetActiveAsync(Frequency frequency, CancellationToken ct);

    Task SetActiveAsync(long subscriberId, bool active, CancellationToken ct);

    /// <summary>A group became a supergroup: its chat id changes, its settings and pending deliveries follow.</summary>
    Task ChangeChatIdAsync(long subscriberId, string newChatId, CancellationToken ct);
}
