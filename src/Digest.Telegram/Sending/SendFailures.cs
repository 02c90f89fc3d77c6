using Digest.Core.Delivery;
using Telegram.Bot.Exceptions;

namespace Digest.Telegram.Sending;

/// <summary>What a failed Telegram call means for delivery.</summary>
internal static class SendFailures
{
    /// <summary>Our HTML was rejected: worth one resend as plain text.</summary>
    public static bool IsBadMarkup(Exception e) =>
        e is ApiRequestException { ErrorCode: 400 } api && api.Message.Contains("can't parse entities", StringComparison.OrdinalIgnoreCase);

    /// <summary>The result for a failure, or null when the exception is not a send failure (our cancellation, a bug).</summary>
    public static SendResult? Map(Exception e, CancellationToken ct) => e switch
    {
        OperationCanceledException when ct.IsCancellationRequested => null,
        ApiRequestException api => Map(api),
        // Transport failures, timeouts and unreadable answers: the message may go through later.
        RequestException or HttpRequestException or IOException or OperationCanceledException => SendResult.Fail(e.Message, transient: true),
        _ => null,
    };

    private static SendResult Map(ApiRequestException e) => e switch
    {
        { ErrorCode: 429 } => SendResult.Limited(TimeSpan.FromSeconds(Math.Max(1, e.Parameters?.RetryAfter ?? 1))),
        { Parameters.MigrateToChatId: { } newId } => SendResult.MigratedTo(ChatIds.Format(newId)),
        { ErrorCode: 403 } => SendResult.BlockedBy(e.Message),
        // 401 means our token is wrong: a setting to fix, not a reason to give up on the message.
        { ErrorCode: 401 or >= 500 } => SendResult.Fail(e.Message, transient: true),
        _ => SendResult.Fail(e.Message, transient: false),
    };
}
