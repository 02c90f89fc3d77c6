using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Digest.TestKit.Telegram;

/// <summary>
/// The text_link entities Telegram reports for a message sent as HTML: a reply to a digest part must carry the article
/// links that only its &lt;a href&gt; tags held.
/// </summary>
internal static partial class FakeTelegramEntities
{
    [GeneratedRegex("""<a\s+href\s*=\s*"([^"]*)"\s*>(.*?)</a>""", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Anchor();

    /// <summary>Entities for <paramref name="plain"/>, offsets in UTF-16 code units as Telegram counts them; null when there are none.</summary>
    public static JsonArray? TextLinks(string html, string plain)
    {
        var entities = new JsonArray();
        var cursor = 0;
        foreach (Match anchor in Anchor().Matches(html))
        {
            var label = TelegramHtml.Parse(anchor.Groups[2].Value).PlainText;
            var at = label.Length == 0 ? -1 : plain.IndexOf(label, cursor, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }
            cursor = at + label.Length;
            entities.Add(new JsonObject
            {
                ["type"] = "text_link",
                ["offset"] = at,
                ["length"] = label.Length,
                ["url"] = WebUtility.HtmlDecode(anchor.Groups[1].Value),
            });
        }
        return entities.Count == 0 ? null : entities;
    }
}
