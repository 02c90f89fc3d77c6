using System.Globalization;
using System.Text.RegularExpressions;

namespace Digest.Core.Conversation.Asking;

/// <summary>The "[1]", "[1, 3]" markers of an answer, and the answer with only the ones that name a retrieved source.</summary>
internal static partial class Citations
{
    [GeneratedRegex(@"(\s*)\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]", RegexOptions.CultureInvariant)]
    private static partial Regex Marker();

    /// <summary>
    /// <paramref name="text"/> without the numbers that are not in <paramref name="valid"/> (a marker left empty goes with
    /// the space before it), and the numbers kept, in order of first citation.
    /// </summary>
    public static (string Text, IReadOnlyList<int> Cited) Keep(string text, IReadOnlySet<int> valid)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cited = new List<int>();
        var kept = Marker().Replace(text, m =>
        {
            var numbers = m.Groups[2].Value
                .Split(',', StringSplitOptions.TrimEntries)
                .Select(n => int.Parse(n, NumberStyles.None, CultureInfo.InvariantCulture))
                .Where(valid.Contains)
                .Distinct()
                .ToList();
            cited.AddRange(numbers.Where(n => !cited.Contains(n)));
            return numbers.Count == 0 ? "" : m.Groups[1].Value + "[" + string.Join(", ", numbers) + "]";
        });
        return (kept.Trim(), cited);
    }
}
