using System.Diagnostics;
using Digest.Core.Delivery;
using Digest.Telegram.Sending;
using Digest.Telegram.Tests.TestSupport;
using Digest.TestKit.Telegram;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Telegram.Tests.Sending;

public sealed class TelegramChannelTests : IAsyncLifetime
{
    private FakeTelegramServer _server = null!;
    private TelegramTestHost _host = null!;

    private IChannel Channel => _host.Services.GetRequiredService<IChannel>();

    public async Task InitializeAsync()
    {
        _server = await FakeTelegramServer.StartAsync();
        _host = await TelegramTestHost.CreateAsync(TelegramTestHost.Settings(_server), start: false);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public void The_channel_is_registered_as_telegram_with_telegram_limits()
    {
        var channel = Assert.IsType<TelegramChannel>(Channel);
        Assert.Equal("telegram", channel.Platform);
        Assert.Equal(new ChannelCapabilities(4096, 1024, true, MessageFormat.TelegramHtml), channel.Capabilities);
    }

    [Fact]
    public async Task Html_part_is_sent_with_parse_mode_html_and_link_previews_off()
    {
        var result = await Channel.SendAsync("42", new MessagePart(MessageFormat.TelegramHtml, "<b>Daily</b> &amp; more https://x.test"), default);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        var sent = Assert.Single(_server.Messages(42));
        Assert.True(sent.IsHtml);
        Assert.True(sent.LinkPreviewDisabled);
        Assert.Equal("Daily & more https://x.test", sent.PlainText);
    }

    [Fact]
    public async Task Plain_part_is_sent_without_parse_mode()
    {
        await Channel.SendAsync("42", new MessagePart(MessageFormat.Plain, "a <b> c"), default);

        var sent = Assert.Single(_server.Messages(42));
        Assert.Null(sent.ParseMode);
        Assert.Equal("a <b> c", sent.PlainText);
    }

    [Fact]
    public async Task Too_many_requests_is_rate_limited_with_the_servers_retry_after_and_not_retried_by_the_client()
    {
        // retry_after 1 is what Telegram.Bot would retry on its own by default; it must not here.
        _server.FailNext("sendMessage", 429, "Too Many Requests: retry after 1", retryAfter: 1);
        var watch = Stopwatch.StartNew();

        var result = await Channel.SendAsync("42", new MessagePart(MessageFormat.TelegramHtml, "hi"), default);

        Assert.Equal(SendOutcome.RateLimited, result.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(1), result.RetryAfter);
        Assert.Equal(1, _server.Calls("sendMessage"));
        Assert.Empty(_server.Messages(42));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task A_burst_beyond_the_chat_limit_is_reported_as_rate_limited()
    {
        var part = new MessagePart(MessageFormat.TelegramHtml, "hi");
        var results = new List<SendResult>();
        for (var i = 0; i < 5; i++)
        {
            results.Add(await Channel.SendAsync("42", part, default));
        }

        Assert.Contains(results, r => r.Outcome == SendOutcome.RateLimited && r.RetryAfter >= TimeSpan.FromSeconds(1));
        Assert.Equal(results.Count(r => r.Outcome == SendOutcome.Sent), _server.Messages(42).Count);
    }

    [Fact]
    public async Task Blocked_chat_is_reported_as_blocked()
    {
        _server.BlockChat(42);

        var result = await Channel.SendAsync("42", new MessagePart(MessageFormat.TelegramHtml, "hi"), default);

        Assert.Equal(SendOutcome.Blocked, result.Outcome);
        Assert.Equal("Forbidden: bot was blocked by the user", result.Error);
    }

    [Fact]
    public async Task Upgraded_group_is_reported_as_migrated_with_the_new_id()
    {
        _server.MigrateChat(-4001, -1004001);

        var result = await Channel.SendAsync("-4001", new MessagePart(MessageFormat.TelegramHtml, "hi"), default);

        Assert.Equal(SendOutcome.Migrated, result.Outcome);
        Assert.Equal("-1004001", result.NewChatId);
    }

    [Fact]
    public async Task Html_telegram_cannot_parse_is_resent_once_as_plain_text()
    {
        var result = await Channel.SendAsync("42", new MessagePart(MessageFormat.TelegramHtml, "<b>Bold &amp; <i>crossed</b></i>"), default);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.Equal(2, _server.Calls("sendMessage"));
        var sent = Assert.Single(_server.Messages(42));
        Assert.Null(sent.ParseMode);
        Assert.Equal("Bold & crossed", sent.Text);
    }

    [Fact]
    public async Task Photo_arrives_with_its_caption_and_the_same_bytes()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 1, 2, 3, 250, 0, 7];

        var result = await Channel.SendAsync("42", new MessagePart(MessageFormat.TelegramHtml, "<i>Categories</i>", png, "chart.png"), default);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        var sent = Assert.Single(_server.Messages(42));
        Assert.True(sent.IsPhoto);
        Assert.Equal(png, sent.Photo);
        Assert.Equal("Categories", sent.PlainText);
        Assert.True(sent.IsHtml);
    }
}
