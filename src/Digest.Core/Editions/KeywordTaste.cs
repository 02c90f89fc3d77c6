using Digest.Core.Articles;

namespace Digest.Core.Editions;

/// <summary>
/// A chat's keyword boosts and mutes, as its cut applies them. A keyword matches an item when it stands as whole words
/// (a plural "s" allowed) in the item's title, one of its keywords or one of its tags, case aside; a boost that is a
/// category's slug also matches that category's items. Everything is read from the stored assessment: no LLM call.
/// </summary>
public sealed class KeywordTaste(IReadOnlySet<string> boosts, IReadOnlySet<string> mutes)
{
    /// <summary>
    /// What a boost adds to an item's total (of 30): enough to lift a solid article over better-scored ones on other
    /// topics, not enough to lift a weak one over the best of the day.
    /// </summary>
    public const int BoostPoints = 5;

    public static KeywordTaste None { get; } = new(new HashSet<string>(), new HashSet<string>());

    public bool IsEmpty => boosts.Count == 0 && mutes.Count == 0;

    /// <summary>Tells cuts apart: two chats with the same boosts and mutes share a cut.</summary>
    public string Key => boosts.Count == 0 && mutes.Count == 0
        ? string.Empty
        : $"+{string.Join(',', boosts.Order(StringComparer.Ordinal))}-{string.Join(',', mutes.Order(StringComparer.Ordinal))}";

    public bool IsMuted(EditionItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return mutes.Any(m => Mentions(item, m));
    }

    public bool IsBoosted(EditionItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return boosts.Any(b => b == item.Category.Slug() || Mentions(item, b));
    }

    /// <summary>The total the cut ranks the item by.</summary>
    public int Score(EditionItem item) => item.Total + (IsBoosted(item) ? BoostPoints : 0);

    private static bool Mentions(EditionItem item, string keyword) =>
        keyword.Length > 0
        && (HasWords(item.Title, keyword) || item.Keywords.Any(k => HasWords(k, keyword)) || item.Tags.Any(t => HasWords(t, keyword)));

    /// <summary>Whether <paramref name="words"/> occur in <paramref name="text"/> on word boundaries ("rust" is not in "trust").</summary>
    internal static bool HasWords(string text, string words)
    {
        for (var at = text.IndexOf(words, StringComparison.OrdinalIgnoreCase); at >= 0;
             at = text.IndexOf(words, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + words.Length;
            if (end < text.Length && char.ToLowerInvariant(text[end]) == 's')
            {
                end++;
            }
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                return true;
            }
        }
        return false;
    }
}
