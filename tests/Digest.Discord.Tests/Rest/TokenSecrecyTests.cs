using Digest.Discord.Rest;
using Digest.Discord.Tests.TestSupport;
using Digest.TestKit.Discord;

namespace Digest.Discord.Tests.Rest;

public sealed class TokenSecrecyTests
{
    private const string WebhookToken = "webhook-SECRET-token";

    [Fact]
    public async Task The_token_is_sent_on_every_request_but_never_logged()
    {
        await using var host = await DiscordTestHost.StartAsync();
        host.Server.RateLimitNext("POST /channels/{id}/messages", TimeSpan.FromSeconds(0.1));
        host.Server.RateLimitNext("POST /webhooks/{id}/{token}", TimeSpan.FromSeconds(0.1));
        host.Server.FailChannel("1200000000000000009", DiscordError.MissingPermissions);

        await host.Client.CreateMessageAsync("1200000000000000001", new DiscordMessageContent("a"));
        await host.Client.ExecuteWebhookAsync("1400000000000000001", WebhookToken, new DiscordMessageContent("b"));
        var error = await Assert.ThrowsAsync<DiscordApiException>(
            () => host.Client.CreateMessageAsync("1200000000000000009", new DiscordMessageContent("c")));

        Assert.All(host.Server.Requests, r => Assert.Equal("Bot " + FakeDiscordServer.DefaultToken, r.Authorization));
        Assert.Contains(host.Logs.Lines, l => l.Contains("retry_after_s", StringComparison.Ordinal));
        Assert.Contains(host.Logs.Lines, l => l.Contains("/webhooks/1400000000000000001/{token}", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains(FakeDiscordServer.DefaultToken, StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains(WebhookToken, StringComparison.Ordinal));
        Assert.DoesNotContain(FakeDiscordServer.DefaultToken, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Options_do_not_print_the_token()
    {
        var options = new DiscordOptions { BotToken = FakeDiscordServer.DefaultToken };

        Assert.DoesNotContain(FakeDiscordServer.DefaultToken, options.ToString(), StringComparison.Ordinal);
    }
}
