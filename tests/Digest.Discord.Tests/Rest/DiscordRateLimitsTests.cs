using Digest.Discord.Rest;
using Microsoft.Extensions.Time.Testing;

namespace Digest.Discord.Tests.Rest;

public sealed class DiscordRateLimitsTests
{
    private static readonly DiscordRoute Messages = DiscordRoute.Create(HttpMethod.Post, "channels/1/messages");
    private static readonly DiscordRoute Edits = DiscordRoute.Create(HttpMethod.Patch, "channels/1/messages/2");
    private static readonly DiscordRoute OtherChannel = DiscordRoute.Create(HttpMethod.Post, "channels/3/messages");

    [Fact]
    public async Task An_empty_bucket_lets_the_next_request_go_only_after_its_reset()
    {
        var time = new FakeTimeProvider();
        var limits = new DiscordRateLimits(time);
        (await limits.AcquireAsync(Messages, default)).Dispose();
        limits.Observe(Messages, new RateLimitHeaders("abc", 5, 0, TimeSpan.FromSeconds(2), false, null));

        var next = limits.AcquireAsync(Messages, default);
        time.Advance(TimeSpan.FromSeconds(1.9));
        Assert.False(next.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.2));

        (await next.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
        Assert.Equal("abc:channels/1", limits.BucketOf(Messages));
    }

    [Fact]
    public async Task Routes_sharing_a_bucket_id_share_its_state_within_one_channel_only()
    {
        var time = new FakeTimeProvider();
        var limits = new DiscordRateLimits(time);
        foreach (var route in new[] { Messages, Edits, OtherChannel })
        {
            (await limits.AcquireAsync(route, default)).Dispose();
            limits.Observe(route, new RateLimitHeaders("shared", 5, 1, TimeSpan.FromSeconds(5), false, null));
        }
        limits.Observe(Messages, new RateLimitHeaders("shared", 5, 0, TimeSpan.FromSeconds(5), false, null));

        var edit = limits.AcquireAsync(Edits, default);
        var other = limits.AcquireAsync(OtherChannel, default);

        Assert.False(edit.IsCompleted);
        (await other.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
        time.Advance(TimeSpan.FromSeconds(6));
        (await edit.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task A_global_pause_holds_every_route_but_interaction_callbacks()
    {
        var time = new FakeTimeProvider();
        var limits = new DiscordRateLimits(time);
        limits.PauseAll(TimeSpan.FromSeconds(3));

        var held = limits.AcquireAsync(Messages, default);
        var callback = limits.AcquireAsync(DiscordRoute.Create(HttpMethod.Post, "interactions/5/tok/callback"), default);

        (await callback.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
        Assert.False(held.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(3.1));
        (await held.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }
}
