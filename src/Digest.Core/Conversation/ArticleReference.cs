using System.Globalization;
using System.Text.RegularExpressions;
using Digest.Core.Articles;
using Digest.Core.Editions;

namespace Digest.Core.Conversation;

/// <summary>
/// Which article of the last digest a message points at: "#3", "number 3", "the second one", "the last one". Numbers
/// are the digest's own (<see cref="Editions.ReadingOrder"/>). Null when the message names none. "That article" and
/// "it" point back at the conversation instead (<see cref="RefersBack"/>).
/// </summary>
public static partial class ArticleReference
{
    private static readonly string[] Ordinals =
        ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
         "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth"];

    [GeneratedRegex(@"(?:#|\bno\.?\s*|\bnumber\s+|\barticle\s+|\bitem\s+)(\d{1,3})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Numbered();

    [GeneratedRegex(@"\bthe\s+(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|last)(?:\s+(?:one|article|story|item|link|piece))?\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Ordinal();

    [GeneratedRegex(@"\b(?:(?:that|this|the\s+same)\s+(?:one|article|story|post|link|page|piece)|it|its|it's)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Back();

    /// <summary>
    /// Whether the message points back at what the conversation was just about: "that article", "this one", "it" —
    /// resolved against the chat's memory (the page just summarized, the article just cited).
    /// </summary>
    public static bool RefersBack(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Back().IsMatch(text);
    }

    /// <summary>The 1-based number pointed at, or <see cref="Last"/> for "the last one"; null when there is none.</summary>
    public static int? Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Numbered().Match(text) is { Success: true } numbered
            && int.TryParse(numbered.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && number > 0)
        {
            return number;
        }
        if (Ordinal().Match(text) is { Success: true } ordinal)
        {
            var word = ordinal.Groups[1].Value.ToLowerInvariant();
            return word == "last" ? Last : Array.IndexOf(Ordinals, word) + 1;
        }
        return null;
    }

    /// <summary>Stands for "the last one": resolved against the length of what was shown.</summary>
    public const int Last = int.MaxValue;

    /// <summary>The article id the reference points at in <paramref name="shown"/> (reading order), or null when out of range.</summary>
    public static long? Resolve(int reference, IReadOnlyList<long> shown)
    {
        ArgumentNullException.ThrowIfNull(shown);
        if (shown.Count == 0)
        {
            return null;
        }
        var index = reference == Last ? shown.Count - 1 : reference - 1;
        return index >= 0 && index < shown.Count ? shown[index] : null;
    }

    /// <summary>
    /// The article a replied-to digest message carried: the first of its links, in that message's order, that is the
    /// URL of a shown article. A "#n" in the reply is resolved by <see cref="Resolve"/> instead, in the whole digest's
    /// numbering, so this is asked only when the text names no number. Null when none of the links is a shown article.
    /// </summary>
    public static long? ResolveReplied(IReadOnlyList<string> repliedLinks, IReadOnlyList<EditionItem> shown)
    {
        ArgumentNullException.ThrowIfNull(repliedLinks);
        ArgumentNullException.ThrowIfNull(shown);
        if (repliedLinks.Count == 0 || shown.Count == 0)
        {
            return null;
        }
        // Both sides normalized: the renderer re-spells URLs (Uri.AbsoluteUri), and a pasted link may carry tracking.
        var byUrl = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var item in shown)
        {
            byUrl.TryAdd(CanonicalUrl.Normalize(item.Url), item.ArticleId);
        }
        foreach (var link in repliedLinks)
        {
            if (byUrl.TryGetValue(CanonicalUrl.Normalize(link), out var id))
            {
                return id;
            }
        }
        return null;
    }
}
