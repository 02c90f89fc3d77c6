using System.Net;
using System.Net.Sockets;
using Digest.Core.Delivery;
using Digest.Discord.Rest;

namespace Digest.Discord.Sending;

/// <summary>
/// What a failed Discord call means for delivery: a destination that is gone is Blocked (the core deactivates it),
/// trouble with Discord or the way to it is Unavailable (the platform's circuit opens, no message spends an attempt),
/// and only a refusal of this one message is Failed.
/// </summary>
internal static class DiscordSendFailures
{
    // 401 "Invalid Webhook Token": that webhook was reset or deleted, not the bot's token; not in DiscordErrorCodes.
    private const int InvalidWebhookToken = 50027;

    /// <summary>The result for a failed send, or null when the exception is not a send failure (a bug of ours).</summary>
    public static SendResult? Map(Exception e) => e switch
    {
        DiscordApiException api => FromApi(api),
        // The sender's token is its per-send timeout, never a stop token: a cancelled send is one Discord did not answer in time.
        OperationCanceledException => SendResult.Down("Discord did not answer in time"),
        // No answer at all: refused, reset, DNS, TLS, or the HttpClient's own timeout.
        HttpRequestException or IOException or SocketException => SendResult.Down(e.Message),
        _ => null,
    };

    private static SendResult FromApi(DiscordApiException e) => e switch
    {
        { IsDestinationGone: true } or { Code: InvalidWebhookToken } => SendResult.BlockedBy($"{e.Code} {e.DiscordMessage}"),
        // Only a 429 the client gave up on gets here (too long a wait, or attempts spent).
        { Status: HttpStatusCode.TooManyRequests } => SendResult.Limited(e.RetryAfter is { } wait && wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1)),
        // Every send fails alike until the setting is fixed; the message is not to blame.
        { Status: HttpStatusCode.Unauthorized } => SendResult.Down($"Discord refused the bot token ({(int)e.Status} {e.DiscordMessage}); check Discord:BotToken"),
        { Status: HttpStatusCode.RequestTimeout } or { Status: >= HttpStatusCode.InternalServerError } => SendResult.Down($"{(int)e.Status} {e.DiscordMessage}"),
        // A 2xx we could not read (no id): the message may well be out, and blaming it would resend it.
        { Status: < HttpStatusCode.BadRequest } => SendResult.Down(e.Message),
        _ => SendResult.Fail(e.Message, transient: false),
    };
}
