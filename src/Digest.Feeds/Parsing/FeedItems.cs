using Digest.Core.Collecting;
using Digest.Feeds.Text;

namespace Digest.Feeds.Parsing;

/// <summary>The one place an item from any format becomes a <see cref="FetchedItem"/>: title and text made plain.</summary>
internal static class FeedItems
{
    private const int TitleFromContentLength = 100;

    /// <param name="url">The item's absolute http(s) link, as the reader of its format chose it.</param>
    public static FetchedItem Create(
        string url,
        string? guid,
        string? title,
        string? content,
        DateTimeOffset? published,
        string? author,
        MediaEnclosure? enclosure = null,
        TimeSpan? duration = null)
    {
        var plainTitle = HtmlText.ToTitle(title);
        if (plainTitle.Length == 0)
        {
            plainTitle = Shorten(HtmlText.ToTitle(content));
        }
        return new FetchedItem(
            Blank(guid?.Trim()),
            url,
            plainTitle.Length > 0 ? plainTitle : url,
            Blank(HtmlText.ToPlainText(content)),
            published,
            Blank(HtmlText.ToTitle(author)),
            enclosure,
            duration);
    }

    private static string Shorten(string text) =>
        text.Length <= TitleFromContentLength ? text : text[..TitleFromContentLength].TrimEnd() + "…";

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
