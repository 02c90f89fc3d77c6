namespace Digest.Core.Collecting;

/// <summary>
/// A crude English suffix stripper, so that "releases", "released" and "release" count as one word when outlets
/// reword a story. It only has to map a word's forms onto one key, never produce a real word.
/// </summary>
internal static class WordStem
{
    private static readonly string[] Suffixes = ["ing", "ed", "es", "s"];

    public static string Of(string word)
    {
        var stem = Of(word.AsSpan());
        return stem.Length == word.Length ? word : stem.ToString();
    }

    /// <summary>The stem as a slice of the word: nothing is allocated.</summary>
    public static ReadOnlySpan<char> Of(ReadOnlySpan<char> word)
    {
        // Short words and anything with a digit (versions, model names, issue numbers) must stay exact.
        if (word.Length <= 4 || word.ContainsAnyInRange('0', '9'))
        {
            return word;
        }
        foreach (var suffix in Suffixes)
        {
            if (word.EndsWith(suffix, StringComparison.Ordinal) && word.Length - suffix.Length >= 4
                && !(suffix == "s" && (word.EndsWith("ss", StringComparison.Ordinal) || word.EndsWith("us", StringComparison.Ordinal))))
            {
                word = word[..^suffix.Length];
                break;
            }
        }
        return word.Length > 4 && word.EndsWith('e') ? word[..^1] : word;
    }
}
