using System.ComponentModel.DataAnnotations;

namespace Digest.Core.Conversation;

/// <summary>What talking to the bot may cost (bound from the "Conversation" section).</summary>
public sealed class ConversationOptions
{
    /// <summary>Questions and links one chat may send a minute; commands are not counted.</summary>
    [Range(1, 600)]
    public int PerChatPerMinute { get; set; } = 6;

    /// <summary>
    /// LLM tokens that answers to questions may spend per UTC day, over all chats (0: no limit). Once spent, questions
    /// get a friendly message and no LLM call until the next day; commands and settings keep working.
    /// </summary>
    [Range(0, 100_000_000)]
    public int DailyAnswerTokens { get; set; } = 200_000;
}
