using Digest.Core.Conversation.Memory;

namespace Digest.Core.Conversation.Asking;

/// <summary>
/// Answers a question from retrieved articles only. Two implementations: the LLM one and <see cref="OfflineAnswerer"/>.
/// The question and the sources are untrusted text; implementations keep both out of their instructions.
/// </summary>
public interface IAnswerer
{
    string ModelId { get; }

    /// <summary>
    /// An answer that cites sources by their <see cref="Source.Number"/> as "[n]". The caller checks every citation
    /// against <paramref name="sources"/>, so an implementation may pass on what its model said. Throws when it has no
    /// usable answer. <paramref name="earlier"/> are the chat's previous turns, oldest first, for a follow-up's context:
    /// untrusted text like the question.
    /// </summary>
    Task<Answer> AnswerAsync(string question, IReadOnlyList<Source> sources, IReadOnlyList<ChatTurn> earlier, string language, CancellationToken ct);
}

/// <summary>A retrieved article as the answerer sees it: numbered for citing, with the part of its text that matters.</summary>
/// <param name="Text">An excerpt around the sentences that match the question, at most <see cref="Retrieval.MaxExcerpt"/> characters.</param>
public sealed record Source(
    int Number,
    long ArticleId,
    string Title,
    string Url,
    string SourceName,
    DateTimeOffset? PublishedAt,
    string Text);

/// <param name="Text">The answer with "[n]" citations.</param>
/// <param name="Cited">The numbers the answerer says it cited.</param>
/// <param name="Found">False when the sources do not answer the question.</param>
public sealed record Answer(string Text, IReadOnlyList<int> Cited, bool Found)
{
    /// <summary>LLM tokens the answer cost (prompt and completion, over its attempts); 0 offline.</summary>
    public long Tokens { get; init; }
}
