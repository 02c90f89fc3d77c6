using Digest.Core.Delivery;
using Digest.TestKit.Discord;
using static Digest.Discord.Tests.Sending.ChannelHarness;

namespace Digest.Discord.Tests.Sending;

public sealed class DiscordChannelOutcomeTests
{
    public static TheoryData<int> GoneCodes => [10003, 50001, 50013];

    [Theory]
    [MemberData(nameof(GoneCodes))]
    public async Task A_channel_that_is_gone_or_closed_to_the_bot_is_blocked(int code)
    {
        await using var harness = await StartAsync();
        harness.Server.FailChannel(Channel, code switch
        {
            10003 => DiscordError.UnknownChannel,
            50001 => DiscordError.MissingAccess,
            _ => DiscordError.MissingPermissions,
        });

        var result = await harness.Discord.SendAsync(Channel, Text(), CancellationToken.None);

        Assert.Equal(SendOutcome.Blocked, result.Outcome);
        Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_webhook_is_blocked()
    {
        await using var harness = await StartAsync();
        harness.Server.FailNext("POST /webhooks/{id}/{token}", DiscordError.UnknownWebhook);

        var result = await harness.Discord.SendAsync(WebhookChatId, Text(), CancellationToken.None);

        Assert.Equal(SendOutcome.Blocked, result.Outcome);
        Assert.DoesNotContain(WebhookToken, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_error_is_discord_being_down()
    {
        await using var harness = await StartAsync();
        harness.Server.FailNext("POST /channels/{id}/messages", new DiscordError(500, 0, "500: Internal Server Error"));

        var result = await harness.Discord.SendAsync(Channel, Text(), CancellationToken.None);

        Assert.Equal(SendOutcome.Unavailable, result.Outcome);
        Assert.True(result.Transient);
    }

    [Fact]
    public async Task A_refused_bot_token_is_discord_being_down_not_the_message()
    {
        await using var harness = await StartAsync(o => o.BotToken = "not.the.token");

        var result = await harness.Discord.SendAsync(Channel, Text(), CancellationToken.None);

        Assert.Equal(SendOutcome.Unavailable, result.Outcome);
        Assert.Contains("Discord:BotToken", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_answer_at_all_is_discord_being_down()
    {
        var harness = await StartAsync();
        await harness.Server.DisposeAsync();

        var result = await harness.Discord.SendAsync(Channel, Text(), CancellationToken.None);

        Assert.Equal(SendOutcome.Unavailable, result.Outcome);
        await harness.DisposeAsync();
    }

    [Fact]
    public async Task A_send_that_times_out_is_discord_being_down()
    {
        await using var harness = await StartAsync();
        using var timeout = new CancellationTokenSource();
        await timeout.CancelAsync();

        var result = await harness.Discord.SendAsync(Channel, Text(), timeout.Token);

        Assert.Equal(SendOutcome.Unavailable, result.Outcome);
    }

    [Fact]
    public async Task A_429_longer_than_the_client_waits_is_rate_limited_with_its_retry_after()
    {
        await using var harness = await StartAsync(o => o.MaxRetryAfter = TimeSpan.FromSeconds(1));
        harness.Server.RateLimitNext("POST /channels/{id}/messages", TimeSpan.FromSeconds(40));

        var result = await harness.Discord.SendAsync(Channel, Text(), CancellationToken.None);

        Assert.Equal(SendOutcome.RateLimited, result.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(40), result.RetryAfter);
    }

    [Fact]
    public async Task A_message_discord_refuses_fails_for_good()
    {
        await using var harness = await StartAsync();

        var result = await harness.Discord.SendAsync(Channel, Text(new string('a', 2001)), CancellationToken.None);

        Assert.Equal(SendOutcome.Failed, result.Outcome);
        Assert.False(result.Transient);
        Assert.Contains("50035", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chat_id_that_is_no_snowflake_fails_without_a_request()
    {
        await using var harness = await StartAsync();

        var result = await harness.Discord.SendAsync("general", Text(), CancellationToken.None);

        Assert.Equal(SendOutcome.Failed, result.Outcome);
        Assert.Empty(harness.Server.Requests);
    }

    private static MessagePart Text(string text = "Daily digest") => new(MessageFormat.DiscordMarkdown, text);
}
