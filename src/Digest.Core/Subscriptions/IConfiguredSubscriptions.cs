namespace Digest.Core.Subscriptions;

/// <summary>
/// Subscriptions that come from configuration rather than from a chat (Discord's webhook-only channels): brought in
/// line with it at start by every command that delivers, before planning.
/// </summary>
public interface IConfiguredSubscriptions
{
    Task SyncAsync(CancellationToken ct);
}
