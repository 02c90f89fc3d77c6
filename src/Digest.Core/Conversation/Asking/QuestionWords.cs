using System.Collections.Frozen;
using Digest.Core.Assessing.Offline;

namespace Digest.Core.Conversation.Asking;

/// <summary>
/// The words of a question that say what it is about: content words (<see cref="Tokenizer.ContentWords"/>) without the
/// words people ask with. They are compared by a crude stem, so "releases" in a question finds "released" in a text, as
/// the archive's search does.
/// </summary>
internal sealed class QuestionWords
{
    // Words of asking, not of the subject: "tell me about…" must not match every article that tells, and "why does
    // this matter?" about a pointed article must not be answered from another one that says "matters".
    private static readonly FrozenSet<string> AskingWords = new[]
    {
        "tell", "explain", "explains", "articles", "edition", "digest", "please", "mention", "mentioned", "mentions",
        "said", "talk", "talks", "happened", "happen", "anyone", "somebody", "someone", "everything", "summarize",
        "matter", "matters", "important", "mean", "means", "main", "point", "gist", "key", "takeaway", "takeaways",
        "summary", "short", "more",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly FrozenSet<string> _stems;

    public QuestionWords(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        Terms = Tokenizer.ContentWords(question).Where(w => !AskingWords.Contains(w)).Distinct(StringComparer.Ordinal).ToList();
        _stems = Terms.Select(Stem).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The question's subject words in the order asked: what the archive is searched for.</summary>
    public IReadOnlyList<string> Terms { get; }

    public bool IsEmpty => Terms.Count == 0;

    /// <summary>How many different question words <paramref name="text"/> holds.</summary>
    public int Overlap(string text) =>
        IsEmpty ? 0 : Tokenizer.ContentWords(text).Select(Stem).Where(_stems.Contains).Distinct(StringComparer.Ordinal).Count();

    /// <summary>A word without its commonest English endings; good enough to match, never shown.</summary>
    internal static string Stem(string word)
    {
        foreach (var ending in (ReadOnlySpan<string>)["ing", "ies", "ed", "es", "s"])
        {
            if (word.Length - ending.Length >= 3 && word.EndsWith(ending, StringComparison.Ordinal))
            {
                return word[..^ending.Length];
            }
        }
        return word;
    }
}
