using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Digest.Core.Delivery;

public sealed partial class OutboxSender
{
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
#pragma warning disable CA1031 // A bug or a storage error in one send must not strand the chat's other rows.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                // Not the message's own failure (a busy database, a bug of ours): it waits, spending no attempt.
                logger.LogError(ex, "Sending outbox row {outbox_id} threw; it is tried again in {wait}", message.Id, AfterError);
                var later = time.GetUtcNow() + AfterError;
                pacer.Hold(later);
                await ReleaseAsync(message, later, "send threw: " + ex.Message);
            }
            finally
            {
                run.Finished();
            }
        }
    }

    /// <summary>Sends one part; returns a time when the rest of this chat must wait, or null to go on.</summary>
    private async Task<DateTimeOffset?> SendAsync(OutboxMessage message, ChatPacer pacer, SenderRun run, CancellationToken stopping)
    {
        if (!_channels.TryGetValue(message.Platform, out var channel))
        {
            var later = time.GetUtcNow() + NoChannelRetry;
            await ReleaseAsync(message, later, $"no {message.Platform} channel is configured");
            return later;
        }
        var circuit = circuits.For(message.Platform);
        var pass = await circuit.EnterAsync(stopping);
        if (!pass.Send)
        {
            await ReleaseAsync(message, pass.WaitUntil, $"{message.Platform} unavailable: {circuit.Status.LastError}");
            return pass.WaitUntil;
        }
        var verdict = false;
        try
        {
            var chatId = message.ChatId;
            while (true)
            {
                await pacer.WaitAsync(stopping);
                using var lease = await run.Limiter(message.Platform).AcquireAsync(1, stopping);
                if (!await outbox.RenewAsync(message, time.GetUtcNow(), options.Lease, CancellationToken.None))
                {
                    // Claimed again after a takeover, or dropped: not ours to send.
                    return null;
                }
                var result = await SendWithTimeoutAsync(channel, chatId, message.Content);
                pacer.Sent();
                verdict = true;
                if (result.Outcome == SendOutcome.Unavailable)
                {
                    var probeAt = circuit.Failed(pass, result.Error ?? "unavailable");
                    run.Outage();
                    logger.LogWarning("{platform} is unavailable ({error}); sends pause until a probe at {probe_at:HH:mm:ss}", message.Platform, result.Error, probeAt);
                    await ReleaseAsync(message, probeAt, $"{message.Platform} unavailable: {result.Error}");
                    return probeAt;
                }
                circuit.Succeeded();
                switch (result.Outcome)
                {
                    case SendOutcome.Sent:
                        await MarkSentAsync(message);
                        run.Count(sent: true);
                        return null;
                    case SendOutcome.Migrated when result.NewChatId is not null:
                        logger.LogInformation("Subscriber {subscriber_id} moved from chat {chat_id} to {new_chat_id}", message.SubscriberId, chatId, result.NewChatId);
                        await subscribers.ChangeChatIdAsync(message.SubscriberId, result.NewChatId, CancellationToken.None);
                        chatId = result.NewChatId;
                        continue;
                    case SendOutcome.Blocked:
                        logger.LogInformation("Subscriber {subscriber_id} (chat {chat_id}) blocked the bot ({error}); deactivated", message.SubscriberId, chatId, result.Error);
                        await subscribers.SetActiveAsync(message.SubscriberId, false, CancellationToken.None);
                        await outbox.DropPendingAsync(message.SubscriberId, result.Error ?? "blocked", CancellationToken.None);
                        run.Count(sent: false);
                        // Its other claimed parts were dropped with it: their renewal fails, so they are skipped.
                        return null;
                    case SendOutcome.RateLimited:
                        run.RateLimited();
                        var resume = time.GetUtcNow() + (result.RetryAfter ?? TimeSpan.FromSeconds(5));
                        await ReleaseAsync(message, resume, result.Error ?? "rate limited");
                        return resume;
                    default:
                        var retryAt = await FailAsync(message, result);
                        if (retryAt is null)
                        {
                            run.Count(sent: false);
                        }
                        return retryAt;
                }
            }
        }
        finally
        {
            if (pass.IsProbe && !verdict)
            {
                circuit.ProbeAbandoned(pass);
            }
        }
    }

    /// <summary>
    /// Not the stopping token: a request the platform may already have accepted must be recorded. A send that outlives
    /// its timeout says the platform is not answering.
    /// </summary>
    private async Task<SendResult> SendWithTimeoutAsync(IChannel channel, string chatId, MessagePart content)
    {
        using var timeout = new CancellationTokenSource(options.SendTimeout, time);
        try
        {
            return await channel.SendAsync(chatId, content, timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return SendResult.Down($"no answer within {options.SendTimeout.TotalSeconds:F0} s");
        }
    }

    /// <summary>The message's own failure: tried again with back-off while attempts last, else given up.</summary>
    private async Task<DateTimeOffset?> FailAsync(OutboxMessage message, SendResult result)
    {
        var error = result.Error ?? "send failed";
        var attempts = message.Attempts + 1;
        if (result.Transient && attempts < options.MaxAttempts)
        {
            var later = time.GetUtcNow() + TimeSpan.FromSeconds(Math.Pow(4, attempts));
            await outbox.RetryAfterFailureAsync(message, later, error, CancellationToken.None);
            return later;
        }
        logger.LogWarning("Gave up on outbox row {outbox_id} for subscriber {subscriber_id} after {attempts} attempts: {error}", message.Id, message.SubscriberId, attempts, error);
        await outbox.MarkFailedAsync(message, error, CancellationToken.None);
        return null;
    }

    /// <summary>Back to pending without spending an attempt; a storage failure here only delays the row until it is taken over.</summary>
    private Task ReleaseAsync(OutboxMessage message, DateTimeOffset notBefore, string reason) =>
        SafelyAsync(message, () => outbox.ReleaseAsync(message, notBefore, reason, CancellationToken.None));

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
            logger.LogError(ex, "Could not update outbox row {outbox_id}; it returns when its claim is taken over", message.Id);
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
                    logger.LogError(ex, "Outbox row {outbox_id} was sent but could not be marked; it may go out again after a takeover", message.Id);
                    return;
                }
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), time);
            }
        }
    }
}
