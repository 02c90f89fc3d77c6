namespace Digest.Core.Conversation.Asking;

/// <summary>
/// What the chat is told. When <see cref="Found"/>, <see cref="Text"/> cites "[n]" and <see cref="Sources"/> are exactly
/// the sources it cites, for the adapter to link by number. Otherwise the text says the articles do not answer it, and
/// <see cref="Sources"/> are the closest articles (possibly none), to be shown as links.
/// </summary>
public sealed record AnswerReply(string Text, IReadOnlyList<CitedSource> Sources, bool Found, string ModelId)
{
    /// <summary>LLM tokens spent on the answer, also when it was replaced by the offline one.</summary>
    public long Tokens { get; init; }

    public const string NotFoundText = "I couldn't find that in the articles.";

    internal static AnswerReply NotFound(IEnumerable<Source> closest, string modelId) =>
        new(NotFoundText, closest.Select(CitedSource.Of).ToList(), Found: false, modelId);
}

/// <summary>A source as the reply links it: "[Number]" in the text stands for this article.</summary>
public sealed record CitedSource(int Number, long ArticleId, string Title, string Url, string SourceName)
{
    internal static CitedSource Of(Source source) => new(source.Number, source.ArticleId, source.Title, source.Url, source.SourceName);
}
