using Digest.Core.Subscriptions;

namespace Digest.Core.Conversation.Settings;

/// <summary>
/// Settings said in plain words ("more AI, less crypto", "at 7am"): parsed offline, applied, saved, and confirmed in a
/// sentence per change. Whoever calls it checks that the sender may change the chat's settings (admins in groups).
/// </summary>
public sealed class SettingsInPlainWords(TimeProvider time)
{
    /// <summary>The confirmation to reply with, or null when the text is not a settings request (nothing is saved then).</summary>
    public async Task<string?> TryHandleAsync(string text, Subscriber subscriber, ISubscriberStore store, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(store);
        if (SettingsGrammar.Parse(text) is not { } request)
        {
            return null;
        }
        var outcome = SettingsChanges.Apply(subscriber, request, time.GetUtcNow());
        // A request that changed nothing ("more AI" when it already ranks higher) still gets its answer, without a write.
        if (outcome.Subscriber != subscriber)
        {
            await store.SaveAsync(outcome.Subscriber, ct);
        }
        return outcome.Text;
    }
}
