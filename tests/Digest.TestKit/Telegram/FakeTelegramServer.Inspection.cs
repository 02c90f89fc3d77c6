namespace Digest.TestKit.Telegram;

// What the bot did, for assertions, and waiting for it to happen.
public sealed partial class FakeTelegramServer
{
    public IReadOnlyList<SentTelegramMessage> Messages(long chatId)
    {
        lock (_gate)
        {
            return [.. _messages.Where(m => m.ChatId == chatId)];
        }
    }

    public IReadOnlyList<SentTelegramMessage> AllMessages
    {
        get
        {
            lock (_gate)
            {
                return [.. _messages];
            }
        }
    }

    public IReadOnlyList<AnsweredCallback> AnsweredCallbacks
    {
        get
        {
            lock (_gate)
            {
                return [.. _answers];
            }
        }
    }

    public IReadOnlyList<RegisteredCommand> Commands
    {
        get
        {
            lock (_gate)
            {
                return _commands;
            }
        }
    }

    public string? WebhookUrl { get; private set; }

    public string? WebhookSecret { get; private set; }

    /// <summary>How many requests were refused with 429.</summary>
    public int TooManyRequests => Volatile.Read(ref _tooManyRequests);

    /// <summary>How many times a method was called (case-insensitive), failed calls included.</summary>
    public int Calls(string method)
    {
        lock (_gate)
        {
            return _calls.GetValueOrDefault(method.ToLowerInvariant());
        }
    }

    /// <summary>Waits until the chat has at least <paramref name="count"/> messages; returns them.</summary>
    public async Task<IReadOnlyList<SentTelegramMessage>> WaitForMessagesAsync(long chatId, int count, TimeSpan? timeout = null)
    {
        await WaitUntilAsync(() => Messages(chatId).Count >= count, $"chat {chatId} to have {count} message(s)", timeout);
        return Messages(chatId);
    }

    public async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(5));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }
            await Task.Delay(10);
        }
    }
}
