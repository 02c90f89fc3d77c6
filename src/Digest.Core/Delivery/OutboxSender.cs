using System.Threading.Channels;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;

namespace Digest.Core.Delivery;

/// <summary>
/// Drains the outbox within each platform's limits: a window of claimed rows feeds one worker per chat
/// (so a chat's parts stay in order and are paced), and a token bucket per platform paces everything.
/// An in-flight send is never cancelled by a stop, so a stop can not leave a sent message unmarked.
/// </summary>
public sealed partial class OutboxSender(
    IOutbox outbox,
    Subscriptions.ISubscriberStore subscribers,
    IEnumerable<IChannel> channels,
    DeliveryOptions options,
    TimeProvider time,
    ILogger<OutboxSender> logger)
{
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan NoChannelRetry = TimeSpan.FromMinutes(10);
    private TimeProvider Time => time;

    private readonly Dictionary<string, IChannel> _channels = channels.ToDictionary(c => c.Platform, StringComparer.OrdinalIgnoreCase);

    /// <summary>Sends until stopped, or (with <paramref name="untilIdle"/>) until nothing is due.</summary>
    public async Task<SendSummary> RunAsync(bool untilIdle, CancellationToken stopping)
    {
        using var run = new SenderRun(this);
        while (!stopping.IsCancellationRequested)
        {
            var room = options.ClaimBatch - run.InFlight;
            IReadOnlyList<OutboxMessage> claimed;
            try
            {
                claimed = room > 0 ? await outbox.ClaimAsync(room, time.GetUtcNow(), options.Lease, stopping) : [];
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // A claim cancelled mid-statement rolls back: nothing was taken.
                break;
            }
            foreach (var message in claimed)
            {
                run.Dispatch(message, stopping);
            }
            if (claimed.Count == 0)
            {
                if (run.InFlight == 0 && untilIdle)
                {
                    break;
                }
                await run.WaitForProgressAsync(run.InFlight == 0 ? options.PollInterval : TimeSpan.FromMilliseconds(50), stopping);
            }
        }
        await run.CompleteAsync();
        return run.Summary();
    }

    private async Task SendOneChatAsync(ChannelReader<OutboxMessage> queue, ChatPacer pacer, SenderRun run, CancellationToken stopping)
    {
        while (queue.TryRead(out var message))
        {
            try
            {
                if (stopping.IsCancellationRequested)
                {
                    await ReleaseAsync(message, time.GetUtcNow(), "sender stopped");
                }
                else if (pacer.HeldUntil is { } hold && hold > time.GetUtcNow())
                {
                    // Keep the chat's order: once one part waits, the parts after it wait too, also those claimed later.
                    await ReleaseAsync(message, hold, "an earlier part is waiting");
                }
                else if (await SendAsync(message, pacer, run, stopping) is { } later)
                {
                    pacer.Hold(later);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                await ReleaseAsync(message, time.GetUtcNow(), "sender stopped");
            }
#pragma warning disable CA1031 // A bug in one send must not strand the chat's other rows; the row is retried.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogError(ex, "Sending outbox row {OutboxId} threw", message.Id);
                await SafelyAsync(message, async () =>
                {
                    if (await FailAsync(message, SendResult.Fail(ex.Message, transient: true)) is { } later)
                    {
                        pacer.Hold(later);
                    }
                });
            }
            finally
            {
                run.Finished();
            }
        }
    }

    /// <summary>Back to pending; a storage failure here only delays the row until its lease runs out.</summary>
    private Task ReleaseAsync(OutboxMessage message, DateTimeOffset notBefore, string reason) =>
        SafelyAsync(message, () => outbox.RetryLaterAsync(message, notBefore, reason, CancellationToken.None));

    private async Task SafelyAsync(OutboxMessage message, Func<Task> update)
    {
        try
        {
            await update();
        }
#pragma warning disable CA1031 // The worker must go on with the chat's other rows.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogError(ex, "Could not update outbox row {OutboxId}; it returns when its lease runs out", message.Id);
        }
    }

    /// <summary>
    /// Records a send that happened. Never turned into a retry: the message is out, and resending it would be the
    /// duplicate the outbox exists to prevent.
    /// </summary>
    private async Task MarkSentAsync(OutboxMessage message)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await outbox.MarkSentAsync(message, time.GetUtcNow(), CancellationToken.None);
                return;
            }
#pragma warning disable CA1031 // Whatever the storage error, the send must not be retried.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                if (attempt == 3)
                {
                    logger.LogError(ex, "Outbox row {OutboxId} was sent but could not be marked; it may go out again after its lease", message.Id);
                    return;
                }
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), time);
            }
        }
    }

    /// <summary>Sends one part; returns a time when the rest of this chat must wait, or null to go on.</summary>
    private async Task<DateTimeOffset?> SendAsync(OutboxMessage message, ChatPacer pacer, SenderRun run, CancellationToken stopping)
    {
        if (!_channels.TryGetValue(message.Platform, out var channel))
        {
            var later = time.GetUtcNow() + NoChannelRetry;
            await outbox.RetryLaterAsync(message, later, $"no {message.Platform} channel is configured", CancellationToken.None);
            return later;
        }
        var chatId = message.ChatId;
        while (true)
        {
            await pacer.WaitAsync(stopping);
            using (var lease = await run.Limiter(message.Platform).AcquireAsync(1, stopping))
            {
                if (!await outbox.RenewAsync(message, time.GetUtcNow(), options.Lease, CancellationToken.None))
                {
                    // The lease ran out and the row was claimed again, or it was dropped: not ours to send.
                    return null;
                }
                // Not the stopping token: a request the platform may already have accepted must be recorded.
                using var timeout = new CancellationTokenSource(SendTimeout);
                var result = await channel.SendAsync(chatId, message.Content, timeout.Token);
                pacer.Sent();
                switch (result.Outcome)
                {
                    case SendOutcome.Sent:
                        await MarkSentAsync(message);
                        run.Count(sent: true);
                        return null;
                    case SendOutcome.Migrated when result.NewChatId is not null:
                        LogMigrated(message.SubscriberId, chatId, result.NewChatId);
                        await subscribers.ChangeChatIdAsync(message.SubscriberId, result.NewChatId, CancellationToken.None);
                        chatId = result.NewChatId;
                        continue;
                    case SendOutcome.Blocked:
                        LogBlocked(message.SubscriberId, result.Error);
                        await subscribers.SetActiveAsync(message.SubscriberId, false, CancellationToken.None);
                        await outbox.DropPendingAsync(message.SubscriberId, result.Error ?? "blocked", CancellationToken.None);
                        run.Count(sent: false);
                        // Its other claimed parts were dropped with it: their renewal fails, so they are skipped.
                        return null;
                    case SendOutcome.RateLimited:
                        var wait = result.RetryAfter ?? TimeSpan.FromSeconds(5);
                        run.RateLimited();
                        var resume = time.GetUtcNow() + wait;
                        await outbox.RetryLaterAsync(message, resume, result.Error ?? "rate limited", CancellationToken.None);
                        return resume;
                    default:
                        return await FailAsync(message, result);
                }
            }
        }
    }

    private async Task<DateTimeOffset?> FailAsync(OutboxMessage message, SendResult result)
    {
        var error = result.Error ?? "send failed";
        if (result.Transient && message.Attempts < options.MaxAttempts)
        {
            var later = time.GetUtcNow() + TimeSpan.FromSeconds(Math.Pow(4, message.Attempts));
            await outbox.RetryLaterAsync(message, later, error, CancellationToken.None);
            return later;
        }
        LogGaveUp(message.Id, message.SubscriberId, error);
        await outbox.MarkFailedAsync(message, error, CancellationToken.None);
        return null;
    }

    private TokenBucketRateLimiter CreateLimiter(string platform)
    {
        var limits = LimitsFor(platform);
        // Refilled every 100 ms, so sends are spread over the second instead of bursting at its start.
        var perTick = Math.Max(1, (int)Math.Round(limits.MessagesPerSecond / 10));
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = perTick,
            TokensPerPeriod = perTick,
            ReplenishmentPeriod = TimeSpan.FromSeconds(perTick / limits.MessagesPerSecond),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    private PlatformLimits LimitsFor(string platform) =>
        options.Limits.TryGetValue(platform, out var limits) ? limits : new PlatformLimits();

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscriber {SubscriberId} moved from chat {OldChatId} to {NewChatId}")]
    private partial void LogMigrated(long subscriberId, string oldChatId, string newChatId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscriber {SubscriberId} blocked the bot ({Error}); deactivated")]
    private partial void LogBlocked(long subscriberId, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gave up on outbox row {OutboxId} for subscriber {SubscriberId}: {Error}")]
    private partial void LogGaveUp(long outboxId, long subscriberId, string error);
}

/// <summary>What one sender run did.</summary>
public sealed record SendSummary(int Sent, int Failed, int RateLimited);
