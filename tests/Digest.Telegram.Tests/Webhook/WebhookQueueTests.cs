using System.Diagnostics;
using System.Net;
using Digest.Core.Conversation;
using Digest.Telegram.Tests.TestSupport;
using Digest.Telegram.Webhook;
using Digest.TestKit.Conversation;
using Digest.TestKit.Telegram;

namespace Digest.Telegram.Tests.Webhook;

/// <summary>The webhook answers at once and a worker handles the queue, so a slow reply never holds Telegram's connection.</summary>
public sealed class WebhookQueueTests : IAsyncLifetime
{
    private FakeTelegramServer _server = null!;
    private WebhookTestApp _app = null!;

    private ConversationScript Script => _app.Script;

    public async Task InitializeAsync()
    {
        _server = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { EnforceRateLimits = false });
        _app = await WebhookTestApp.StartAsync(_server);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task The_webhook_answers_200_before_a_slow_handler_finishes_and_the_update_is_still_handled()
    {
        Script.OnMessage = async (_, chat, ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(3), ct);
            await chat.ReplyAsync(new ChatReply("slow pong"), ct);
        };
        var watch = Stopwatch.StartNew();

        var response = await _app.PostAsync(WebhookTestApp.Update("/digest"));
        var answeredIn = watch.Elapsed;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(answeredIn < TimeSpan.FromSeconds(1), $"answered in {answeredIn}");
        Assert.Empty(_server.Messages(42));
        Assert.Equal("slow pong", Assert.Single(await _server.WaitForMessagesAsync(42, 1, TimeSpan.FromSeconds(10))).PlainText);
    }

    [Fact]
    public async Task Updates_are_handled_one_at_a_time_in_the_order_they_were_posted()
    {
        var running = 0;
        var overlapped = false;
        Script.OnMessage = async (_, _, ct) =>
        {
            overlapped |= Interlocked.Increment(ref running) > 1;
            await Task.Delay(20, ct);
            Interlocked.Decrement(ref running);
        };

        for (var id = 1; id <= 5; id++)
        {
            Assert.Equal(HttpStatusCode.OK, (await _app.PostAsync(WebhookTestApp.Update($"m{id}", id))).StatusCode);
        }

        Assert.Equal(["m1", "m2", "m3", "m4", "m5"], (await Script.WaitForAsync(5)).Select(m => m.Text));
        Assert.False(overlapped);
    }

    [Fact]
    public async Task A_redelivered_update_id_is_handled_once()
    {
        var first = await _app.PostAsync(WebhookTestApp.Update("/start", updateId: 7));
        var again = await _app.PostAsync(WebhookTestApp.Update("/start", updateId: 7));
        await _app.PostAsync(WebhookTestApp.Update("/help", updateId: 8));

        await Script.WaitForAsync(2);
        await Task.Delay(100);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        Assert.Equal(["/start", "/help"], Script.Received.Select(m => m.Text));
    }

    [Fact]
    public async Task A_full_queue_answers_503_and_lets_telegrams_later_retry_of_that_update_in()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Script.OnMessage = (_, _, _) => gate.Task;
        await _app.PostAsync(WebhookTestApp.Update("held", updateId: 1));
        await Script.WaitForAsync(1);
        for (var id = 2; id <= WebhookQueue.DefaultCapacity + 1; id++)
        {
            Assert.Equal(HttpStatusCode.OK, (await _app.PostAsync(WebhookTestApp.Update($"m{id}", id))).StatusCode);
        }
        var overflow = WebhookTestApp.Update("overflow", WebhookQueue.DefaultCapacity + 2);

        var refused = await _app.PostAsync(overflow);
        gate.SetResult();
        await Script.WaitForAsync(WebhookQueue.DefaultCapacity + 1);
        var retried = await _app.PostAsync(overflow);

        Assert.Equal((HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK), (refused.StatusCode, retried.StatusCode));
        Assert.Equal("overflow", (await Script.WaitForAsync(WebhookQueue.DefaultCapacity + 2))[^1].Text);
    }
}
