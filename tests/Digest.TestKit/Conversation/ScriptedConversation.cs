using Digest.Core.Conversation;

namespace Digest.TestKit.Conversation;

/// <summary>What the test's conversation does with each message, and everything it received, in order.</summary>
public sealed class ConversationScript
{
    private readonly List<IncomingMessage> _received = [];

    public Func<IncomingMessage, IChatContext, CancellationToken, Task> OnMessage { get; set; } = (_, _, _) => Task.CompletedTask;

    public IReadOnlyList<IncomingMessage> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    public void Record(IncomingMessage message)
    {
        lock (_received)
        {
            _received.Add(message);
        }
    }

    public async Task<IReadOnlyList<IncomingMessage>> WaitForAsync(int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (Received.Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The conversation received {Received.Count} of {count} messages.");
            }
            await Task.Delay(10);
        }
        return Received;
    }
}

/// <summary>A stand-in for the core's conversation: records, then runs the script. Scoped, as the real one.</summary>
public sealed class ScriptedConversation(ConversationScript script) : IConversation
{
    public Task HandleAsync(IncomingMessage message, IChatContext chat, CancellationToken ct)
    {
        script.Record(message);
        return script.OnMessage(message, chat, ct);
    }
}
