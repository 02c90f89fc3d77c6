using System.Globalization;
using System.Text.Json.Serialization;
using Digest.Core.Conversation.Asking;
using Digest.Core.Conversation.Memory;
using Digest.Llm.Chat;

namespace Digest.Llm.Answering;

/// <summary>
/// The user message of an answer call: the question, the sources and the chat's last turns, all inside the one data
/// block. The question and the turns are chat users' text, so they are data as much as the articles are.
/// </summary>
internal static class AnswerRequest
{
    /// <summary>A question longer than this is not a question any more; the rest would only carry instructions.</summary>
    public const int QuestionLimit = 500;

    /// <summary>The last turns a follow-up may need ("and why?"), each side clipped: context, not a transcript to pay for.</summary>
    public const int EarlierTurns = 3;

    private const int EarlierLimit = 300;

    public static string UserMessage(string question, IReadOnlyList<Source> sources, IReadOnlyList<ChatTurn> earlier) =>
        UntrustedData.One(
            "Answer the reader's question from these articles.",
            new Request(
                UntrustedData.Clip(question.Trim(), QuestionLimit),
                sources.Select(s => new Item(
                    s.Number,
                    s.Title,
                    s.SourceName,
                    s.PublishedAt?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    UntrustedData.Clip(s.Text, Retrieval.MaxExcerpt))).ToList(),
                earlier.Count == 0
                    ? null
                    : earlier.TakeLast(EarlierTurns)
                        .Select(t => new Turn(UntrustedData.Clip(t.Asked, EarlierLimit), UntrustedData.Clip(t.Replied, EarlierLimit)))
                        .ToList()));

    private sealed record Request(
        string Question,
        IReadOnlyList<Item> Articles,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Turn>? Earlier);

    private sealed record Item(int Number, string Title, string Source, string? Published, string Excerpt);

    private sealed record Turn(string Asked, string Replied);
}
