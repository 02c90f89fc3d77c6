using Digest.Core.Subscriptions;
using Digest.Integration.Tests.Support;
using Digest.TestKit.Discord;
using static Digest.TestKit.Discord.DiscordEvents;

namespace Digest.Integration.Tests.Discord;

/// <summary>
/// Discord through the whole app, against the fake REST API and the fake gateway on 127.0.0.1: the daily channel post
/// (webhook-only and by the bot, with its thread), follow-up questions in the thread, and /ask as a slash command.
/// </summary>
public sealed class DiscordTests
{
    private const string WebhookId = "1600000000000000001";

    [Fact]
    public async Task A_webhook_only_channel_gets_its_daily_post_once_at_its_time_with_no_bot_token()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        var start = new DateTimeOffset(2026, 7, 1, 5, 0, 0, TimeSpan.Zero);
        var at = new DateTimeOffset(2026, 7, 1, 7, 30, 0, TimeSpan.Zero);
        await using var scenario = await DeliveryScenario.StartAsync(start, new Dictionary<string, string?>
        {
            ["Discord:ApiBaseUrl"] = discord.ApiBaseUrl,
            ["Discord:Webhooks:0:Url"] = $"https://discord.com/api/webhooks/{WebhookId}/hook-secret-token",
            ["Discord:Webhooks:0:Time"] = "07:30",
        });
        var store = scenario.App.Get<ISubscriberStore>();
        var webhook = await store.GetAsync("discord", "webhook:" + WebhookId, default);
        Assert.True(webhook is { Active: true, Kind: ChatKind.Channel, DeliveryTime.Hour: 7 });
        // The app subscribed it on the real clock; the scenario's day began before that.
        await store.SaveAsync(webhook with { SubscribedAt = start }, default);

        await scenario.PlanAtAsync(at.AddMinutes(-1));
        await scenario.SendAsync();
        Assert.Empty(discord.Requests);

        await scenario.PlanAtAsync(at);
        await scenario.SendAsync();
        await scenario.PlanAtAsync(at.AddHours(2));
        await scenario.SendAsync();

        var posts = discord.RequestsTo("POST /webhooks/{id}/{token}");
        Assert.Equal(discord.Requests.Count, posts.Count);
        Assert.True(posts.Count >= 2, $"{posts.Count} parts");
        Assert.Equal("image/png", posts[0].Part("files[0]")?.ContentType);
        Assert.Contains(posts, p => ((string?)p.Json?["content"] ?? "").Contains("AI Daily Digest", StringComparison.Ordinal));
        Assert.All(posts, p => Assert.Equal(0, p.Json?["allowed_mentions"]?["parse"]?.AsArray().Count));
        Assert.All(posts, p => Assert.Null(p.Authorization));
        // The post went out once: the second plan found it delivered.
        Assert.Equal(posts.Count, posts.Select(p => (string?)p.Json?["content"]).Distinct().Count());
    }

    [Fact]
    public async Task The_bot_posts_the_digest_opens_a_thread_answers_in_it_and_answers_ask_deferred()
    {
        using var dir = new TestDirectory();
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var gateway = await FakeDiscordGateway.StartAsync(new FakeDiscordGatewayOptions { HeartbeatInterval = TimeSpan.FromSeconds(5) });
        var settings = new Dictionary<string, string?>
        {
            ["Discord:BotToken"] = FakeDiscordServer.DefaultToken,
            ["Discord:ApiBaseUrl"] = discord.ApiBaseUrl,
            ["Discord:GatewayUrl"] = gateway.Url,
        };
        await using var app = await TestApp.StartAsync(dir, settings);
        await using var sender = BackgroundSender.Start(app);
        await Seed.EditionAsync(app.Services, DateTimeOffset.UtcNow);
        await gateway.WaitUntilAsync(g => g.Identifies.Count == 1, "the bot to identify");

        // /subscribe in a server channel by someone who may manage it, then /digest: the post and its thread.
        await gateway.DispatchAsync("INTERACTION_CREATE", Command("subscribe", permissions: "16"));
        await WaitForAsync(discord, d => d.RequestsTo("PATCH /webhooks/{id}/{token}/messages/@original").Count >= 1, "the subscribe reply");
        var subscriber = await app.Get<ISubscriberStore>().GetAsync("discord", Channel, default);
        Assert.True(subscriber is { Active: true, Kind: ChatKind.Group });
        await gateway.DispatchAsync("INTERACTION_CREATE", Command("digest", permissions: "16"));
        await WaitForAsync(discord, d => d.RequestsTo("POST /channels/{id}/messages/{id}/threads").Count == 1, "the thread on the post");
        var posted = discord.RequestsTo("POST /channels/{id}/messages");
        Assert.Contains(posted, p => ((string?)p.Json?["content"] ?? "").Contains("AI Daily Digest", StringComparison.Ordinal));
        var thread = discord.RequestsTo("POST /channels/{id}/messages/{id}/threads")[0];
        Assert.StartsWith("Questions about the ", (string?)thread.Json?["name"], StringComparison.Ordinal);

        // A question in the bot's thread is answered there, from the post's articles, with a link.
        var threadId = thread.Path.Split('/')[^2];
        await gateway.DispatchAsync("THREAD_CREATE", BotThread(threadId, Channel));
        var before = discord.RequestsTo("POST /channels/{id}/messages").Count;
        await gateway.DispatchAsync("MESSAGE_CREATE", Message("what does #1 say?", threadId, Guild));
        await WaitForAsync(discord, d => d.RequestsTo("POST /channels/{id}/messages").Count > before, "the answer in the thread");
        var answer = discord.RequestsTo("POST /channels/{id}/messages")[before];
        Assert.Contains($"/channels/{threadId}/messages", answer.Path, StringComparison.Ordinal);
        Assert.Contains("\\[1\\]", (string?)answer.Json?["content"], StringComparison.Ordinal);
        Assert.Contains("https://", (string?)answer.Json?["content"], StringComparison.Ordinal);

        // /ask is deferred at once, then the answer replaces the "thinking…".
        var edits = discord.RequestsTo("PATCH /webhooks/{id}/{token}/messages/@original").Count;
        await gateway.DispatchAsync("INTERACTION_CREATE", Command("ask", "what does #2 say?", permissions: "0"));
        await WaitForAsync(discord, d => d.RequestsTo("PATCH /webhooks/{id}/{token}/messages/@original").Count > edits, "the /ask answer");
        var callbacks = discord.RequestsTo("POST /interactions/{id}/{token}/callback");
        Assert.All(callbacks, c => Assert.Equal(5, (int?)c.Json?["type"]));
        var asked = discord.RequestsTo("PATCH /webhooks/{id}/{token}/messages/@original")[edits];
        Assert.True(callbacks[^1].ArrivedAt <= asked.ArrivedAt);
        Assert.Contains("\\[1\\]", (string?)asked.Json?["content"], StringComparison.Ordinal);
    }

    private static async Task WaitForAsync(FakeDiscordServer discord, Func<FakeDiscordServer, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition(discord))
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}; requests: "
                + string.Join(", ", discord.Requests.Select(r => $"{r.Route} {r.Status}")));
            await Task.Delay(25);
        }
    }
}
