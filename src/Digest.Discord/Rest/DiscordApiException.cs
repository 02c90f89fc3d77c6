using System.Net;

namespace Digest.Discord.Rest;

/// <summary>
/// Discord refused a request: the HTTP status and Discord's JSON error code (<see cref="DiscordErrorCodes"/>), so the
/// delivery layer can tell a destination that is gone (10003, 50001, 50013) from a bad message or an outage.
/// The message names the route with any token masked.
/// </summary>
public sealed class DiscordApiException : Exception
{
    public DiscordApiException()
    {
    }

    public DiscordApiException(string message)
        : base(message)
    {
    }

    public DiscordApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DiscordApiException(HttpStatusCode status, int code, string discordMessage, string route, TimeSpan? retryAfter = null)
        : base($"Discord answered {(int)status} code {code} \"{discordMessage}\" to {route}")
    {
        Status = status;
        Code = code;
        DiscordMessage = discordMessage;
        Route = route;
        RetryAfter = retryAfter;
    }

    public HttpStatusCode Status { get; }

    /// <summary>Discord's JSON error code; 0 when the body had none (a proxy's page, a bare 5xx).</summary>
    public int Code { get; }

    public string DiscordMessage { get; } = string.Empty;

    /// <summary>Method and path, tokens masked: "POST /channels/123/messages".</summary>
    public string Route { get; } = string.Empty;

    /// <summary>Set on a 429 that was not waited out (attempts spent, or a wait longer than allowed).</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The channel, webhook or permission is gone for good: later messages to it would fail the same way.</summary>
    public bool IsDestinationGone => Code is DiscordErrorCodes.UnknownChannel or DiscordErrorCodes.UnknownWebhook
        or DiscordErrorCodes.MissingAccess or DiscordErrorCodes.MissingPermissions or DiscordErrorCodes.CannotSendToUser;
}
