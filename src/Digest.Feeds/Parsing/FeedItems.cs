using Digest.Core.Collecting;
using Digest.Feeds.Text;

namespace Digest.Feeds.Parsing;

/// <summary>The one place an item from any format becomes a <see cref="FetchedItem"/>: links resolved, title made plain.</summary>
internal static class FeedItems
{
    private const int TitleFromContentLength = 100;

    /// <summary>Null when the item has no usable http(s) link, since an article is known by its URL.</summary>
    public static FetchedItem? Create(
        Uri feedUri,
        string? guid,
        string? link,
        string? title,
        string? content,
        DateTimeOffset? published,
        string? author)
    {
        var url = Resolve(feedUri, link) ?? AbsoluteHttp(guid);
        if (url is null)
        {
            return null;
        }
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
            Blank(HtmlText.ToTitle(author)));
    }

    private static string? Resolve(Uri baseUri, string? link)
    {
        if (string.IsNullOrWhiteSpace(link) || !Uri.TryCreate(baseUri, link.Trim(), out var uri))
        {
            return null;
        }
        return IsHttp(uri) ? uri.AbsoluteUri : null;
    }

    private static string? AbsoluteHttp(string? guid) =>
        Uri.TryCreate(guid?.Trim(), UriKind.Absolute, out var uri) && IsHttp(uri) ? uri.AbsoluteUri : null;

    private static bool IsHttp(Uri uri) => uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps;

    private static string Shorten(string text) =>
        text.Length <= TitleFromContentLength ? text : text[..TitleFromContentLength].TrimEnd() + "…";

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
