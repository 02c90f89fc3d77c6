using System.Text.RegularExpressions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Digest.Telegram.Receiving;

/// <summary>Whether a message speaks to the bot (an @mention, a reply to it) and which links the message it replies to carried.</summary>
internal static partial class Addressing
{
    [GeneratedRegex(@"https?://[^\s<>""']+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RawLink();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();

    /// <summary>The text without "@botname" (so "@bot what does #2 say?" reads as the question), and whether it was there.</summary>
    public static (string Text, bool Mentioned) WithoutMention(string text, string? botUsername)
    {
        if (string.IsNullOrEmpty(botUsername))
        {
            return (text, false);
        }
        // A word boundary after the name: "@digest_bot2" is another bot.
        var mention = new Regex("@" + Regex.Escape(botUsername) + @"(?![A-Za-z0-9_])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        if (!mention.IsMatch(text))
        {
            return (text, false);
        }
        var stripped = Spaces().Replace(mention.Replace(text, " "), " ").Trim().TrimStart(',', ':').Trim();
        return (stripped, true);
    }

    public static bool RepliesToBot(Message message, long? botId) =>
        botId is { } id && message.ReplyToMessage?.From is { } author && author.Id == id;

    /// <summary>
    /// The replied message's links in reading order: raw URLs in its text or caption, and text_link entities — the
    /// digest's article titles are such links, their URL in no visible text.
    /// </summary>
    public static IReadOnlyList<string> RepliedToLinks(Message message)
    {
        if (message.ReplyToMessage is not { } replied)
        {
            return [];
        }
        var text = replied.Text ?? replied.Caption ?? string.Empty;
        var entities = replied.Entities ?? replied.CaptionEntities ?? [];
        var found = RawLink().Matches(text).Select(m => (Position: m.Index, Url: m.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')')))
            .Concat(entities.Where(e => e.Type == MessageEntityType.TextLink && e.Url is not null).Select(e => (Position: e.Offset, Url: e.Url!)));
        return [.. found
            .Where(l => Uri.TryCreate(l.Url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            .OrderBy(l => l.Position)
            .Select(l => l.Url)
            .Distinct(StringComparer.Ordinal)];
    }
}
