using System.Globalization;
using System.Text;

namespace Digest.Feeds.Fetching;

/// <summary>Turns whatever went wrong into the one short line stored as a feed's last error.</summary>
internal static class ErrorText
{
    private const int MaxLength = 300;

    /// <summary>Control characters and line breaks become spaces: the text may come from a hostile server.</summary>
    public static string OneLine(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }
        var sb = new StringBuilder(Math.Min(text.Length, MaxLength));
        var lastWasSpace = false;
        foreach (var ch in text)
        {
            var space = char.IsWhiteSpace(ch) || char.IsControl(ch);
            if (space && lastWasSpace)
            {
                continue;
            }
            sb.Append(space ? ' ' : ch);
            lastWasSpace = space;
            if (sb.Length >= MaxLength)
            {
                sb.Append('…');
                break;
            }
        }
        return sb.ToString().Trim();
    }

    public static string Describe(Exception exception)
    {
        var message = exception.Message;
        // HttpClient puts the useful part (refused, reset, DNS) in the inner exception.
        if (exception.InnerException is { } inner && !message.Contains(inner.Message, StringComparison.Ordinal))
        {
            message = $"{message} ({inner.Message})";
        }
        return OneLine(message);
    }

    public static string Seconds(TimeSpan span) =>
        span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    public static string Bytes(long bytes) => bytes switch
    {
        >= 1024 * 1024 when bytes % (1024 * 1024) == 0 => $"{bytes / (1024 * 1024)} MB",
        >= 1024 when bytes % 1024 == 0 => $"{bytes / 1024} KB",
        _ => $"{bytes} bytes",
    };
}
