using System.Net;
using System.Net.Sockets;
using Digest.Core.Delivery;
using Telegram.Bot.Exceptions;

namespace Digest.Telegram.Sending;

/// <summary>
/// What a failed Telegram call means for delivery: trouble with Telegram (or the way to it) is
/// <see cref="SendOutcome.Unavailable"/>, so the sender opens the platform's circuit and no message spends an attempt;
/// only a refusal of this one message is <see cref="SendOutcome.Failed"/>.
/// </summary>
internal static class SendFailures
{
    /// <summary>Our HTML was rejected: worth one resend as plain text.</summary>
    public static bool IsBadMarkup(Exception e) =>
        e is ApiRequestException { ErrorCode: 400 } api && api.Message.Contains("can't parse entities", StringComparison.OrdinalIgnoreCase);

    /// <summary>The result for a failed send, or null when the exception is not a send failure (a bug of ours).</summary>
    public static SendResult? Map(Exception e) => e switch
    {
        ApiRequestException api => FromApi(api),
        // The sender's token is its per-send timeout, never a stop token: a cancelled send is one Telegram did not answer in time.
        OperationCanceledException => SendResult.Down("Telegram did not answer in time"),
        RequestException { HttpStatusCode: { } status } unreadable => FromUnreadable(unreadable, status),
        // No answer at all: refused, reset, DNS, TLS, or the HttpClient's own timeout.
        RequestException or HttpRequestException or IOException or SocketException => SendResult.Down(e.Message),
        _ => null,
    };

    private static SendResult FromApi(ApiRequestException e) => e switch
    {
        { ErrorCode: 429 } => SendResult.Limited(TimeSpan.FromSeconds(Math.Max(1, e.Parameters?.RetryAfter ?? 1))),
        { Parameters.MigrateToChatId: { } newId } => SendResult.MigratedTo(ChatIds.Format(newId)),
        { ErrorCode: 403 } => SendResult.BlockedBy(e.Message),
        // The chat is gone (deleted, the bot removed, a channel renamed): every later message would fail the same way, so
        // it is treated like a block — deactivated, its rows dropped, back with /start or by linking it again.
        { ErrorCode: 400 } when e.Message.Contains("chat not found", StringComparison.OrdinalIgnoreCase) => SendResult.BlockedBy(e.Message),
        // Telegram answers 401 for a revoked token and 404 for a wrong one: every send fails alike until the setting is fixed.
        { ErrorCode: 401 or 404 } => SendResult.Down($"Telegram refused the bot token ({e.ErrorCode} {e.Message}); check Telegram:BotToken"),
        { ErrorCode: 408 or >= 500 } => SendResult.Down($"{e.ErrorCode} {e.Message}"),
        _ => SendResult.Fail(e.Message, transient: false),
    };

    /// <summary>
    /// An answer without Telegram's envelope: a garbled 200, or a page from something in front of Telegram (a proxy's
    /// 502). Only a refusal of the request itself blames the message.
    /// </summary>
    private static SendResult FromUnreadable(RequestException e, HttpStatusCode status) => status switch
    {
        HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge => SendResult.Fail($"{e.Message} (HTTP {(int)status})", transient: false),
        _ => SendResult.Down($"{e.Message} (HTTP {(int)status})"),
    };
}
