using System.Text;
using Digest.Core.Editions;

namespace Digest.Core.Rendering;

/// <summary>The terminal-friendly keyword chart: 20 cells of █ and ░ per keyword, scaled to the top count.</summary>
public static class KeywordBars
{
    public const int Cells = 20;

    public static IReadOnlyList<string> Lines(IReadOnlyList<KeywordCount> keywords, int max = 10)
    {
        var shown = keywords.Take(max).ToList();
        if (shown.Count == 0)
        {
            return [];
        }
        var top = shown.Max(k => k.Count);
        var width = shown.Max(k => k.Keyword.Length);
        return shown
            .Select(k =>
            {
                var filled = (int)Math.Round(k.Count * (double)Cells / top, MidpointRounding.AwayFromZero);
                return new StringBuilder()
                    .Append(k.Keyword.PadRight(width))
                    .Append(" │ ")
                    .Append('█', filled)
                    .Append('░', Cells - filled)
                    .Append(' ')
                    .Append(k.Count)
                    .ToString();
            })
            .ToList();
    }
}
