using System.Globalization;

namespace Digest.Core.Conversation.Links;

public enum LinkFailureKind
{
    /// <summary>Not an http or https URL (file:, ftp:, javascript:, …).</summary>
    NotHttp,

    /// <summary>The host resolves only to loopback, private, link-local or other non-public addresses.</summary>
    NonPublicAddress,

    TimedOut,
    TooLarge,

    /// <summary>The site answered with an error status.</summary>
    HttpError,

    /// <summary>The response is not an HTML page.</summary>
    NotAPage,

    /// <summary>An HTML page with no readable article text in it.</summary>
    Unreadable,

    /// <summary>DNS, connection or TLS trouble.</summary>
    Unreachable,
}

/// <summary>Why a link was not read, as a kind to act on and the one line to tell the person who sent it.</summary>
public sealed record LinkFailure(LinkFailureKind Kind, string Message)
{
    public static LinkFailure NotHttp() => new(LinkFailureKind.NotHttp, "Only http and https links can be summarized.");

    public static LinkFailure NonPublicAddress() =>
        new(LinkFailureKind.NonPublicAddress, "That address is on a private network; I only read public web pages.");

    public static LinkFailure TimedOut(TimeSpan limit) =>
        new(LinkFailureKind.TimedOut, $"The page took longer than {limit.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s.");

    public static LinkFailure TooLarge(long maxBytes) => new(LinkFailureKind.TooLarge, $"The page is larger than {Size(maxBytes)}.");

    public static LinkFailure HttpError(int status) =>
        new(LinkFailureKind.HttpError, $"The site answered with an error (HTTP {status.ToString(CultureInfo.InvariantCulture)}).");

    /// <param name="mediaType">As the server sent it; shown only when it reads as a media type, since anyone can send anything.</param>
    public static LinkFailure NotAPage(string? mediaType) =>
        new(LinkFailureKind.NotAPage, IsPlainMediaType(mediaType)
            ? $"That link is not a web page ({mediaType!.ToLowerInvariant()})."
            : "That link is not a web page.");

    public static LinkFailure Unreadable() => new(LinkFailureKind.Unreadable, "I could not find readable text on that page.");

    public static LinkFailure Unreachable() => new(LinkFailureKind.Unreachable, "I could not reach that site.");

    private static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 when bytes % (1024 * 1024) == 0 => $"{(bytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture)} MB",
        >= 1024 when bytes % 1024 == 0 => $"{(bytes / 1024).ToString(CultureInfo.InvariantCulture)} KB",
        _ => $"{bytes.ToString(CultureInfo.InvariantCulture)} bytes",
    };

    private static bool IsPlainMediaType(string? mediaType) =>
        mediaType is { Length: > 2 and <= 80 }
        && mediaType.Count(c => c == '/') == 1
        && mediaType.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '+' or '-');
}
