namespace Digest.Discord.Tests;

public sealed class DiscordOptionsValidatorTests
{
    private static readonly DiscordOptionsValidator Validator = new();

    [Fact]
    public void Discord_off_needs_nothing_else()
    {
        Assert.True(Validator.Validate(null, new DiscordOptions { ApiBaseUrl = "nonsense" }).Succeeded);
    }

    [Fact]
    public void Defaults_with_a_token_are_valid()
    {
        Assert.True(Validator.Validate(null, new DiscordOptions { BotToken = "abc.def.ghi" }).Succeeded);
    }

    [Theory]
    [InlineData("Discord:BotToken", "Bot abc.def")]
    [InlineData("Discord:ApiBaseUrl", null)]
    public void Bad_settings_are_named_without_the_secret(string key, string? token)
    {
        var options = new DiscordOptions { BotToken = token ?? "abc.def.ghi", ApiBaseUrl = token is null ? "ftp://x" : DiscordOptions.DefaultApiBaseUrl };

        var result = Validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(key, result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(options.BotToken, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Attempts_and_wait_must_be_sensible()
    {
        var result = Validator.Validate(null, new DiscordOptions { BotToken = "t", MaxAttempts = 0, MaxRetryAfter = TimeSpan.Zero });

        Assert.Contains("Discord:MaxAttempts", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Discord:MaxRetryAfter", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://discord.com/api/webhooks/1400000000000000001/a-B_c")]
    [InlineData("https://discordapp.com/api/webhooks/1400000000000000001/a-B_c")]
    [InlineData("https://discord.com/api/v10/webhooks/1400000000000000001/a-B_c")]
    public void A_webhook_alone_turns_discord_on_without_a_bot_token(string url)
    {
        var options = new DiscordOptions { WebhookUrl = url };

        Assert.True(options.IsConfigured);
        Assert.False(options.IsBotConfigured);
        Assert.True(Validator.Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("http://discord.com/api/webhooks/1400000000000000001/secret-token")]
    [InlineData("https://evil.example/api/webhooks/1400000000000000001/secret-token")]
    [InlineData("https://discord.com/api/webhooks/not-an-id/secret-token")]
    [InlineData("https://discord.com/api/webhooks/1400000000000000001/secret-token?wait=true")]
    [InlineData("https://discord.com/api/webhooks/1400000000000000001")]
    [InlineData("http://127.0.0.1:5000/api/v10/webhooks/1400000000000000001/secret-token")]
    public void A_bad_webhook_url_is_named_without_its_token(string url)
    {
        var result = Validator.Validate(null, new DiscordOptions { Webhooks = [new() { Url = url }] });

        Assert.True(result.Failed);
        Assert.Contains("Discord:Webhooks:0:Url", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-token", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_loopback_webhook_is_allowed_while_the_api_is_on_loopback()
    {
        var options = new DiscordOptions
        {
            ApiBaseUrl = "http://127.0.0.1:5000/api/v10",
            WebhookUrl = "http://127.0.0.1:5000/api/v10/webhooks/1400000000000000001/token",
        };

        Assert.True(Validator.Validate(null, options).Succeeded);
    }

    [Fact]
    public void Webhook_times_zones_and_repeats_are_checked()
    {
        var options = new DiscordOptions
        {
            WebhookUrl = "https://discord.com/api/webhooks/1400000000000000001/token",
            Webhooks =
            [
                new() { Url = "https://discord.com/api/webhooks/1400000000000000002/token", Time = "25:00", TimeZone = "Mars/Olympus" },
                new() { Url = "https://discord.com/api/webhooks/1400000000000000001/token" },
            ],
        };

        var result = Validator.Validate(null, options);

        Assert.Contains("Discord:Webhooks:0:Time", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Discord:Webhooks:0:TimeZone", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Discord:Webhooks:1:Url", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Application_and_guild_ids_are_snowflakes()
    {
        var result = Validator.Validate(null, new DiscordOptions { BotToken = "t", ApplicationId = "my-app", GuildId = "12 34" });

        Assert.Contains("Discord:ApplicationId", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Discord:GuildId", result.FailureMessage, StringComparison.Ordinal);
    }
}
