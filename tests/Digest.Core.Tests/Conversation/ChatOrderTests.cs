using System.Collections.Concurrent;
using Digest.Core.Conversation;

namespace Digest.Core.Tests.Conversation;

public sealed class ChatOrderTests
{
    [Fact]
    public async Task A_slow_chat_holds_back_only_its_own_later_messages_and_each_chat_keeps_its_order()
    {
        var done = new ConcurrentQueue<string>();
        using var slowStarted = new SemaphoreSlim(0);
        using var release = new SemaphoreSlim(0);
        (string Chat, string Text)[] items = [("a", "a1"), ("a", "a2"), ("b", "b1"), ("b", "b2"), ("c", "c1")];

        var run = ChatOrder.RunAsync(items, i => i.Chat, async (item, ct) =>
        {
            if (item.Text == "a1")
            {
                slowStarted.Release();
                await release.WaitAsync(ct);
            }
            done.Enqueue(item.Text);
        }, CancellationToken.None);

        await slowStarted.WaitAsync(TimeSpan.FromSeconds(10));
        // Chat a is stuck on its first message; b and c are answered meanwhile.
        await WaitUntilAsync(() => done.Count == 3);
        Assert.Equal(["b1", "b2", "c1"], done.Order(StringComparer.Ordinal));
        release.Release();
        await run;
        Assert.Equal(["a1", "a2"], done.Skip(3));
        Assert.True(done.ToList().IndexOf("b1") < done.ToList().IndexOf("b2"));
    }

    [Fact]
    public async Task Items_without_a_chat_run_each_on_their_own()
    {
        var seen = new ConcurrentBag<int>();

        await ChatOrder.RunAsync([1, 2, 3], _ => null, (i, _) =>
        {
            seen.Add(i);
            return Task.CompletedTask;
        }, CancellationToken.None);

        Assert.Equal([1, 2, 3], seen.Order());
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(10);
        }
    }
}
