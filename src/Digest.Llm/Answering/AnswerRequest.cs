using System.Globalization;
using Digest.Core.Conversation.Asking;
using Digest.Llm.Chat;

namespace Digest.Llm.Answering;

/// <summary>
/// The user message of an answer call: the question and the sources, all inside the one data block. The question is a
/// chat user's text, so it is data as much as the articles are.
/// </summary>
internal static class AnswerRequest
{
    /// <summary>A question longer than this is not a question any more; the rest would only carry instructions.</summary>
    public const int QuestionLimit = 500;

    public static string UserMessage(string question, IReadOnlyList<Source> sources) =>
        UntrustedData.One(
            "Answer the reader's question from these articles.",
            new Request(
                UntrustedData.Clip(question.Trim(), QuestionLimit),
                sources.Select(s => new Item(
                    s.Number,
                    s.Title,
                    s.SourceName,
                    s.PublishedAt?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    UntrustedData.Clip(s.Text, Retrieval.MaxExcerpt))).ToList()));

    private sealed record Request(string Question, IReadOnlyList<Item> Articles);

    private sealed record Item(int Number, string Title, string Source, string? Published, string Excerpt);
}
