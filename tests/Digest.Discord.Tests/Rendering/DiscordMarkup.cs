using System.Text;

namespace Digest.Discord.Tests.Rendering;

/// <summary>What tests read rendered Discord Markdown through.</summary>
internal static class DiscordMarkup
{
    /// <summary>The markup Discord would obey: every backslash escape and the character it guards removed.</summary>
    public static string Unescaped(string markdown)
    {
        var sb = new StringBuilder(markdown.Length);
        for (var i = 0; i < markdown.Length; i++)
        {
            if (markdown[i] == '\\')
            {
                i++;
                continue;
            }
            sb.Append(markdown[i]);
        }
        return sb.ToString();
    }

    /// <summary>The text Discord would show for escaped text: each backslash escape replaced by the character it guards.</summary>
    public static string Shown(string markdown)
    {
        var sb = new StringBuilder(markdown.Length);
        for (var i = 0; i < markdown.Length; i++)
        {
            if (markdown[i] == '\\' && i + 1 < markdown.Length)
            {
                i++;
            }
            sb.Append(markdown[i]);
        }
        return sb.ToString();
    }

    public static int Count(string text, string token)
    {
        var count = 0;
        for (var i = text.IndexOf(token, StringComparison.Ordinal); i >= 0; i = text.IndexOf(token, i + token.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
