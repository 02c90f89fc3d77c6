using Digest.Core.Subscriptions;

namespace Digest.Core.Conversation.Settings;

/// <summary>
/// Reads which settings changes a message asks for. Two implementations: the LLM one (function calling, for any
/// phrasing) and <see cref="GrammarSettingsReader"/> (common phrasings, offline). Readers only read: the changes are
/// applied by the core to the chat that sent the message, so no reader can reach another chat or an admin action.
/// </summary>
public interface ISettingsReader
{
    string ModelId { get; }

    /// <param name="current">The sending chat's settings, so that "one more article" or "back to all" can be read.</param>
    Task<SettingsReading> ReadAsync(string text, Subscriber current, CancellationToken ct);
}

/// <summary>What a reader made of a message.</summary>
/// <param name="Request">The changes asked for; null when the message asks for none (it is a question, or talk).</param>
/// <param name="Unclear">One sentence per change asked for that cannot be made as said ("no time zone called …").</param>
/// <param name="Tokens">LLM tokens the reading cost; 0 offline.</param>
public sealed record SettingsReading(SettingsRequest? Request, IReadOnlyList<string> Unclear, long Tokens)
{
    public static SettingsReading Nothing { get; } = new(null, [], 0);

    /// <summary>The message is about settings: it asked for a change, whether or not it can be made.</summary>
    public bool AsksForChange => Request is not null || Unclear.Count > 0;
}
