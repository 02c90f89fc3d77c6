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
}
