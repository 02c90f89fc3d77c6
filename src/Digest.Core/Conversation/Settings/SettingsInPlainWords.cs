using System.Collections.Frozen;
using Digest.Core.Assessing;
using Digest.Core.Subscriptions;
using Microsoft.Extensions.Logging;

namespace Digest.Core.Conversation.Settings;

/// <summary>
/// Settings said in plain words ("more AI, less crypto", "at 7am"): read by the configured reader (the LLM's function
/// calls, else the grammar), applied to the sending chat, saved, and confirmed in a sentence per change. Whoever calls
/// it checks that the sender may change the chat's settings (admins in groups).
/// </summary>
public sealed class SettingsInPlainWords(ISettingsReader reader, GrammarSettingsReader grammar, TimeProvider time, ILogger<SettingsInPlainWords> logger)
{
    /// <summary>Longer than this, a message is a question or a paste, never a settings request.</summary>
    public const int MaxLength = 200;

    // Messages that open like a question are questions, so they never cost a settings call.
    private static readonly FrozenSet<string> QuestionOpeners = new[]
    {
        "what", "why", "how", "who", "whom", "whose", "when", "where", "which", "is", "are", "was", "were", "does", "do",
        "did", "can", "could", "should", "would", "will", "has", "have", "tell", "explain", "summarize", "summarise",
        "compare", "describe", "any", "anything",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether the LLM reads settings; when it does, its spending is checked first.</summary>
    public bool UsesLlm => !ReferenceEquals(reader, grammar);

    /// <summary>
    /// What the message asks of the chat's settings. <paramref name="offlineOnly"/> (the budget is spent) reads with the
    /// grammar; so does a reader that fails.
    /// </summary>
    public async Task<SettingsReading> ReadAsync(string text, Subscriber subscriber, bool offlineOnly, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(subscriber);
        var message = text.Trim();
        if (message.Length is 0 or > MaxLength || message.StartsWith('/') || message.Contains('?') || OpensLikeQuestion(message))
        {
            return SettingsReading.Nothing;
        }
        return await LlmOrOffline.RunAsync(
            UsesLlm && !offlineOnly,
            () => reader.ReadAsync(message, subscriber, ct),
            () => grammar.ReadAsync(message, subscriber, ct),
            "Reading settings", reader.ModelId, logger, ct);
    }

    /// <summary>Applies what was read to the chat, saves it when anything changed, and says what happened.</summary>
    public async Task<string> ApplyAsync(SettingsReading reading, Subscriber subscriber, ISubscriberStore store, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(store);
        var said = new List<string>();
        if (reading.Request is { } request)
        {
            var outcome = SettingsChanges.Apply(subscriber, request, time.GetUtcNow());
            // A request that changed nothing ("more AI" when it already ranks higher) still gets its answer, without a write.
            if (outcome.Subscriber != subscriber)
            {
                await store.SaveAsync(outcome.Subscriber, ct);
            }
            said.AddRange(outcome.Confirmations);
        }
        said.AddRange(reading.Unclear);
        return string.Join('\n', said);
    }

    private static bool OpensLikeQuestion(string message)
    {
        var end = message.AsSpan().IndexOfAny(' ', ',', '\n');
        var first = (end < 0 ? message : message[..end]).TrimEnd(':', '.', '!');
        return QuestionOpeners.Contains(first);
    }
}
