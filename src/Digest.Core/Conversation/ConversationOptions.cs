using System.ComponentModel.DataAnnotations;

namespace Digest.Core.Conversation;

/// <summary>What talking to the bot may cost (bound from the "Conversation" section).</summary>
public sealed class ConversationOptions
{
    /// <summary>Questions and links one chat may send a minute; commands are not counted.</summary>
    [Range(1, 600)]
    public int PerChatPerMinute { get; set; } = 6;

    /// <summary>
    /// LLM tokens that talking to the bot (answers to questions, settings read by the LLM) may spend per UTC day, over
    /// all chats (0: no limit). Once spent, questions get a friendly message and no LLM call until the next day;
    /// commands keep working, and settings are read offline.
    /// </summary>
    [Range(0, 100_000_000)]
    public int DailyAnswerTokens { get; set; } = 200_000;

    /// <summary>The same per chat (0: no limit), so one chat cannot spend what all the others share.</summary>
    [Range(0, 100_000_000)]
    public int DailyChatTokens { get; set; } = 20_000;
}
