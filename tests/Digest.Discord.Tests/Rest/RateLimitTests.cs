using System.Diagnostics;
using Digest.Discord.Rest;
using Digest.Discord.Tests.TestSupport;
using Digest.TestKit.Discord;

namespace Digest.Discord.Tests.Rest;

public sealed class RateLimitTests
{
    private const string Route = "POST /channels/{id}/messages";
    private const string Channel = "1200000000000000001";
    private const string OtherChannel = "1200000000000000002";

    private static FakeDiscordOptions Buckets(int size, double windowSeconds) =>
        new() { Token = FakeDiscordServer.DefaultToken, BucketSize = size, BucketWindow = TimeSpan.FromSeconds(windowSeconds) };

    [Fact]
    public async Task An_exhausted_bucket_is_waited_out_and_nothing_is_sent_into_it()
    {
        await using var host = await DiscordTestHost.StartAsync(Buckets(2, 0.4));
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < 5; i++)
        {
            await host.Client.CreateMessageAsync(Channel, new DiscordMessageContent($"part {i}"));
        }

        Assert.Equal(5, host.Server.RequestsTo(Route).Count);
        Assert.Equal(0, host.Server.RequestsIntoEmptyBucket);
        Assert.Equal(0, host.Server.TooManyRequests);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.8), $"two resets waited for, took {clock.Elapsed}");
    }

    [Fact]
    public async Task Concurrent_sends_to_one_channel_never_overrun_its_bucket()
    {
        await using var host = await DiscordTestHost.StartAsync(Buckets(2, 0.3));

        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => host.Client.CreateMessageAsync(Channel, new DiscordMessageContent($"m{i}"))));

        Assert.Equal(6, host.Server.RequestsTo(Route).Count(r => r.Status == 200));
        Assert.Equal(0, host.Server.RequestsIntoEmptyBucket);
    }

    [Fact]
    public async Task Channels_have_buckets_of_their_own()
    {
        await using var host = await DiscordTestHost.StartAsync(Buckets(2, 5));
        var clock = Stopwatch.StartNew();

        foreach (var channel in new[] { Channel, OtherChannel, Channel, OtherChannel })
        {
            await host.Client.CreateMessageAsync(channel, new DiscordMessageContent("hi"));
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"no reset waited for, took {clock.Elapsed}");
        Assert.Equal(0, host.Server.RequestsIntoEmptyBucket);
    }

    [Fact]
    public async Task A_route_429_is_waited_for_retry_after_then_succeeds()
    {
        await using var host = await DiscordTestHost.StartAsync();
        host.Server.RateLimitNext(Route, TimeSpan.FromSeconds(0.3));

        var sent = await host.Client.CreateMessageAsync(Channel, new DiscordMessageContent("hello"));

        var requests = host.Server.RequestsTo(Route);
        Assert.Equal([429, 200], requests.Select(r => r.Status));
        Assert.True(requests[1].ArrivedAt - requests[0].ArrivedAt >= TimeSpan.FromSeconds(0.3));
        Assert.Equal(1, host.Server.TooManyRequests);
        Assert.Equal(0, host.Server.RequestsIntoEmptyBucket);
        Assert.Equal("hello", sent.Content);
        Assert.Contains(host.Logs.Lines, l => l.Contains("rate limited POST /channels/1200000000000000001/messages", StringComparison.Ordinal) && l.Contains("retry_after_s 0.3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_global_429_holds_every_route_until_it_ends()
    {
        await using var host = await DiscordTestHost.StartAsync();
        host.Server.RateLimitNext(Route, TimeSpan.FromSeconds(0.5), global: true);

        var first = host.Client.CreateMessageAsync(Channel, new DiscordMessageContent("first"));
        await WaitUntilAsync(() => host.Logs.Lines.Any(l => l.Contains("global True", StringComparison.Ordinal)));
        var other = host.Client.EditMessageAsync(OtherChannel, "1300000000000000001", new DiscordMessageContent("x"));
        var otherError = await Assert.ThrowsAsync<DiscordApiException>(() => other);
        await first;

        var limited = host.Server.Requests.First(r => r.Status == 429);
        var edit = Assert.Single(host.Server.RequestsTo("PATCH /channels/{id}/messages/{id}"));
        Assert.True(edit.ArrivedAt - limited.ArrivedAt >= TimeSpan.FromSeconds(0.5), "the other route waited too");
        Assert.Equal(DiscordErrorCodes.UnknownMessage, otherError.Code);
        Assert.Equal(0, host.Server.RequestsIntoEmptyBucket);
        Assert.Equal(1, host.Server.TooManyRequests);
    }

    [Fact]
    public async Task Interaction_callbacks_are_not_held_by_a_global_429()
    {
        await using var host = await DiscordTestHost.StartAsync();
        host.Server.RateLimitNext(Route, TimeSpan.FromSeconds(3), global: true);
        var first = host.Client.CreateMessageAsync(Channel, new DiscordMessageContent("first"));
        await WaitUntilAsync(() => host.Logs.Lines.Any(l => l.Contains("global True", StringComparison.Ordinal)));
        var clock = Stopwatch.StartNew();

        await host.Client.CreateInteractionResponseAsync("1600000000000000001", "tok", InteractionCallbackType.DeferredChannelMessageWithSource);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"answered within the 3 s window, took {clock.Elapsed}");
        await first;
        Assert.Equal(0, host.Server.RequestsIntoEmptyBucket);
    }

    [Fact]
    public async Task Retries_are_bounded_and_the_last_429_is_thrown()
    {
        await using var host = await DiscordTestHost.StartAsync(configure: o => o.MaxAttempts = 2);
        for (var i = 0; i < 3; i++)
        {
            host.Server.RateLimitNext(Route, TimeSpan.FromSeconds(0.1));
        }

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => host.Client.CreateMessageAsync(Channel, new DiscordMessageContent("x")));

        Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, error.Status);
        Assert.NotNull(error.RetryAfter);
        Assert.Equal(2, host.Server.RequestsTo(Route).Count);
    }

    [Fact]
    public async Task A_retry_after_longer_than_allowed_is_handed_to_the_caller_at_once()
    {
        await using var host = await DiscordTestHost.StartAsync(configure: o => o.MaxRetryAfter = TimeSpan.FromSeconds(1));
        host.Server.RateLimitNext(Route, TimeSpan.FromSeconds(60));

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => host.Client.CreateMessageAsync(Channel, new DiscordMessageContent("x")));

        Assert.Equal(TimeSpan.FromSeconds(60), error.RetryAfter);
        Assert.Single(host.Server.Requests);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(5);
        }
    }
}
