using Microsoft.Extensions.Options;

namespace Digest.Discord;

/// <summary>Checks the settings at start, only when Discord is on; every message names its key and never shows a secret.</summary>
internal sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        if (!options.IsConfigured)
        {
            return ValidateOptionsResult.Success;
        }
        var errors = new List<string>();
        // A pasted "Bot xyz" would be sent as "Bot Bot xyz" and fail every call with 401.
        if (options.BotToken!.Any(char.IsWhiteSpace))
        {
            errors.Add("Discord:BotToken must be the bare bot token from the Developer Portal (no spaces, no \"Bot \" prefix)");
        }
        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || api.Scheme is not ("http" or "https"))
        {
            errors.Add("Discord:ApiBaseUrl must be an absolute http or https URL (default https://discord.com/api/v10)");
        }
        if (!Uri.TryCreate(options.UserAgentUrl, UriKind.Absolute, out _))
        {
            errors.Add("Discord:UserAgentUrl must be an absolute URL (Discord wants \"DiscordBot (url, version)\")");
        }
        if (string.IsNullOrWhiteSpace(options.UserAgentVersion) || options.UserAgentVersion.Any(c => char.IsWhiteSpace(c) || c is ',' or '(' or ')'))
        {
            errors.Add("Discord:UserAgentVersion must be a version without spaces, commas or parentheses");
        }
        if (options.MaxAttempts is < 1 or > 10)
        {
            errors.Add("Discord:MaxAttempts must be between 1 and 10");
        }
        if (options.MaxRetryAfter <= TimeSpan.Zero)
        {
            errors.Add("Discord:MaxRetryAfter must be positive");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
