using Digest.Core.Subscriptions;
using Digest.Discord.Sending;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Digest.Discord.Webhooks;

/// <summary>
/// A webhook cannot send /subscribe, so configuration subscribes it: at start every configured webhook has an active
/// daily subscriber at its configured time and zone, and one no longer configured is deactivated. Other settings
/// (categories, top, keywords) are left as they are.
/// </summary>
public sealed class WebhookSubscriptions(
    ISubscriberStore subscribers, DiscordWebhooks webhooks, TimeProvider time, ILogger<WebhookSubscriptions> logger)
    : IHostedService, IConfiguredSubscriptions
{
    public Task StartAsync(CancellationToken cancellationToken) => SyncAsync(cancellationToken);

    public async Task SyncAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        foreach (var webhook in webhooks.All)
        {
            await EnsureAsync(webhook, now, ct);
        }
        await DeactivateRemovedAsync(ct);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task EnsureAsync(DiscordWebhook webhook, DateTimeOffset now, CancellationToken ct)
    {
        var existing = await subscribers.GetAsync(DiscordChannel.PlatformName, webhook.ChatId, ct);
        var current = existing ?? Subscriber.New(DiscordChannel.PlatformName, webhook.ChatId, ChatKind.Channel, title: null, now);
        var running = current.Active && current.Frequency.HasFlag(Frequency.Daily);
        var wanted = current with
        {
            Active = true,
            Frequency = current.Frequency | Frequency.Daily,
            DeliveryTime = webhook.DeliveryTime,
            TimeZone = webhook.TimeZone,
            // As /subscribe does: a subscription starting now owes no delivery time already past, so no backlog goes out.
            SubscribedAt = running ? current.SubscribedAt : now,
        };
        if (existing is not null && wanted == existing)
        {
            return;
        }
        var saved = await subscribers.SaveAsync(wanted, ct);
        logger.LogInformation(
            "Discord webhook {webhook_id} {change}: subscriber {subscriber_id}, daily at {delivery_time} {time_zone}",
            webhook.Id, existing is null ? "subscribed" : running ? "updated" : "resubscribed", saved.Id,
            saved.DeliveryTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), saved.TimeZone);
    }

    // The store lists active subscribers by frequency only; daily and weekly together cover every active one.
    private async Task DeactivateRemovedAsync(CancellationToken ct)
    {
        var active = (await subscribers.GetActiveAsync(Frequency.Daily, ct)).Concat(await subscribers.GetActiveAsync(Frequency.Weekly, ct));
        var removed = active
            .Where(s => s.Platform == DiscordChannel.PlatformName && DiscordWebhooks.IsWebhookChatId(s.ChatId) && !webhooks.TryGet(s.ChatId, out _))
            .DistinctBy(s => s.Id)
            .ToList();
        foreach (var subscriber in removed)
        {
            await subscribers.SetActiveAsync(subscriber.Id, active: false, ct);
            logger.LogInformation(
                "Discord webhook {webhook_id} is no longer configured; subscriber {subscriber_id} deactivated",
                subscriber.ChatId[DiscordWebhooks.ChatIdPrefix.Length..], subscriber.Id);
        }
    }
}
