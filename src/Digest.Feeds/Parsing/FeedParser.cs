namespace Digest.Feeds.Parsing;

/// <summary>Decodes a feed body and hands it to the JSON Feed or the XML reader.</summary>
internal static class FeedParser
{
    public static ParsedFeed Parse(ReadOnlySpan<byte> body, string? mediaType, string? charset, Uri feedUri)
    {
        var text = TextDecoding.Decode(body, charset);
        var start = FirstSignificant(text);
        if (start < 0)
        {
            return ParsedFeed.Failed("Empty response body");
        }
        var isJson = text[start] == '{' || (IsJsonMediaType(mediaType) && text[start] != '<');
        return isJson ? JsonFeedReader.Read(text[start..], feedUri) : XmlFeedReader.Read(text[start..], feedUri);
    }

    private static int FirstSignificant(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]) && text[i] != '\uFEFF' && !char.IsControl(text[i]))
            {
                return i;
            }
        }
        return -1;
    }

    private static bool IsJsonMediaType(string? mediaType) =>
        mediaType is not null
        && (mediaType.Equals("application/feed+json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase));
}
