using System.Diagnostics;
using Digest.Core.Delivery;
using Digest.Telegram.Tests.TestSupport;
using Digest.TestKit.Telegram;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Telegram.Tests.Sending;

/// <summary>
/// Trouble with Telegram is Unavailable (the sender opens the circuit and no message spends an attempt); only a
/// refusal of the one message is Failed.
/// </summary>
public sealed class SendFailureTests : IAsyncLifetime
{
    private static readonly MessagePart Hi = new(MessageFormat.TelegramHtml, "hi");

    private FakeTelegramServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeTelegramServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData(502, "Bad Gateway")]
    [InlineData(500, "Internal Server Error")]
    [InlineData(503, "Service Unavailable")]
    public async Task A_telegram_outage_makes_the_channel_unavailable(int status, string description)
    {
        await using var host = await HostAsync(_server.BaseUrl);
        _server.StartOutage(status);

        var result = await Channel(host).SendAsync("42", Hi, default);

        Assert.Equal(SendOutcome.Unavailable, result.Outcome);
        Assert.True(result.Transient);
        Assert.Contains(description, result.Error, StringComparison.Ordinal);
        Assert.Equal(1, _server.RefusedDuringOutage);
    }

    [Fact]
    public async Task A_rotated_token_answered_401_makes_the_channel_unavailable_without_showing_the_token()
    {
        await using var strict = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { Token = "123456:the-new-token" });
        await using var host = await HostAsync(strict.BaseUrl);

        var result = await Channel(host).SendAsync("42", Hi, default);

        Assert.Equal(SendOutcome.Unavailable, result.Outcome);
        Assert.Contains("401 Unauthorized", result.Error, StringComparison.Ordinal);
        Assert.Contains("Telegram:BotToken", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("TEST-token", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Not_found_on_the_method_url_which_is_how_telegram_answers_a_wrong_token_makes_the_channel_unavailable()
    {
        await using var host = await HostAsync(_server.BaseUrl);
        _server.FailNext("sendMessage", 404, "Not Found");

        var result = await Channel(host).SendAsync("42", Hi, default);

        Assert.Equal(SendOutcome.Unavailable, result.Outcome);
    }

    [Fact]
    public async Task A_chat_that_is_not_found_is_gone_like_a_chat_that_blocked_the_bot()
    {
        await using var host = await HostAsync(_server.BaseUrl);

        var result = await Channel(host).SendAsync("@nobody_here", Hi, default);

        Assert.Equal(SendOutcome.Blocked, result.Outcome);
        Assert.Equal("Bad Request: chat not found", result.Error);
    }

    [Fact]
    public async Task A_message_telegram_finds_too_long_is_a_permanent_failure_of_that_message()
    {
        await using var host = await HostAsync(_server.BaseUrl);

        var result = await Channel(host).SendAsync("42", new MessagePart(MessageFormat.Plain, new string('a', 4097)), default);

        Assert.Equal((SendOutcome.Failed, false), (result.Outcome, result.Transient));
        Assert.Equal("Bad Request: message is too long", result.Error);
    }

    [Fact]
    public async Task A_refused_connection_makes_the_channel_unavailable()
    {
        await using var host = await HostAsync(SilentServer.ClosedPort());

        var result = await Channel(host).SendAsync("42", Hi, default);

        Assert.Equal(SendOutcome.Unavailable, result.Outcome);
        Assert.True(result.Transient);
    }

    [Fact]
    public async Task A_send_that_outlasts_its_timeout_token_against_a_server_that_never_answers_is_unavailable()
    {
        using var silent = new SilentServer();
        await using var host = await HostAsync(silent.BaseUrl);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();

        var result = await Channel(host).SendAsync("42", Hi, timeout.Token);

        Assert.Equal(SendOutcome.Unavailable, result.Outcome);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task A_dropped_connection_makes_the_channel_unavailable()
    {
        await using var host = await HostAsync(_server.BaseUrl);
        _server.DropConnectionNext("sendMessage");

        var result = await Channel(host).SendAsync("42", Hi, default);

        Assert.Equal(SendOutcome.Unavailable, result.Outcome);
        Assert.Empty(_server.Messages(42));
    }

    [Theory]
    [InlineData(200, "{\"ok\":tr", "application/json")]
    [InlineData(200, "{\"ok\":true}", "application/json")]
    [InlineData(502, "<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html")]
    public async Task An_answer_without_telegrams_envelope_makes_the_channel_unavailable(int status, string body, string contentType)
    {
        await using var host = await HostAsync(_server.BaseUrl);
        _server.AnswerNextWith("sendMessage", status, body, contentType);

        var result = await Channel(host).SendAsync("42", Hi, default);

        Assert.Equal(SendOutcome.Unavailable, result.Outcome);
        Assert.True(result.Transient);
        Assert.Contains($"HTTP {status}", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_rejected_by_an_outage_is_not_resent_as_plain_text()
    {
        await using var host = await HostAsync(_server.BaseUrl);
        _server.StartOutage();

        var result = await Channel(host).SendAsync("42", new MessagePart(MessageFormat.TelegramHtml, "<b>open"), default);

        Assert.Equal(SendOutcome.Unavailable, result.Outcome);
        Assert.Equal(1, _server.Calls("sendMessage"));
    }

    private static IChannel Channel(TelegramTestHost host) => host.Services.GetRequiredService<IChannel>();

    private Task<TelegramTestHost> HostAsync(Uri apiBaseUrl) =>
        TelegramTestHost.CreateAsync(TelegramTestHost.Settings(_server, ("Telegram:ApiBaseUrl", apiBaseUrl.ToString())), start: false);
}
