using System.Text;
using System.Text.RegularExpressions;

namespace Digest.Feeds.Text;

/// <summary>
/// Lines that blogs and feed generators add around an article ("Read more", "The post X appeared first on Y.",
/// "Share this:"). Only whole short lines match, so a sentence that mentions "read more" stays.
/// </summary>
internal static partial class Boilerplate
{
    // Longer lines are article text. The bound also keeps each match constant-time, whatever the patterns.
    private const int MaxLineChars = 300;

    private const string Tail = @"[\s.…:!»›→>\-–—]*";

    [GeneratedRegex(
        @"^(?:read more|read the (?:full|rest of the) (?:post|article|story)|keep reading|continue reading"
        + @"|more from (?:this blog|the author)|more posts|related(?: posts| articles| stories| reading)?"
        + @"|you (?:may|might) also like|share this(?: post| article| story)?|subscribe(?: now)?|subscribe for free"
        + @"|like this(?:\s*:\s*)?(?:\s*like)?(?:\s*loading)?|(?:like\s+)?loading|leave a (?:comment|reply)"
        + @"|comments?|\d+ comments?)" + Tail + "$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WholeLine();

    // WordPress: "Continue reading “Some title” →" and "The post Some title appeared first on Some blog."
    [GeneratedRegex(
        @"^(?:continue reading\s.+|the post .+ appeared first on .+)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WithTitle();

    public static bool IsBoilerplate(StringBuilder line)
    {
        if (line.Length > MaxLineChars)
        {
            return false;
        }
        var text = line.ToString();
        return WholeLine().IsMatch(text) || WithTitle().IsMatch(text);
    }
}
