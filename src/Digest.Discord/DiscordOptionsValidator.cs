using Digest.Core.Subscriptions;
using Digest.Discord.Webhooks;
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
        if (options.IsBotConfigured && options.BotToken!.Any(char.IsWhiteSpace))
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
        CheckSnowflake(errors, "Discord:ApplicationId", options.ApplicationId);
        CheckSnowflake(errors, "Discord:GuildId", options.GuildId);
        CheckWebhooks(errors, options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckSnowflake(List<string> errors, string key, string? value)
    {
        if (value is not null && (value.Length == 0 || !value.All(char.IsAsciiDigit)))
        {
            errors.Add($"{key} must be a Discord id (digits only; Developer Mode → Copy ID)");
        }
    }

    private static void CheckWebhooks(List<string> errors, DiscordOptions options)
    {
        var loopback = DiscordWebhooks.IsLoopbackApi(options.ApiBaseUrl);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (options.WebhookUrl is { } single && !string.IsNullOrWhiteSpace(single))
        {
            CheckUrl(errors, "Discord:WebhookUrl", single, loopback, seen);
        }
        for (var i = 0; i < options.Webhooks.Count; i++)
        {
            var webhook = options.Webhooks[i];
            var key = $"Discord:Webhooks:{i}";
            CheckUrl(errors, key + ":Url", webhook.Url, loopback, seen);
            if (!DiscordWebhooks.TryParseTime(webhook.Time, out _))
            {
                errors.Add($"{key}:Time must be a time of day as HH:mm, e.g. 07:30");
            }
            if (string.IsNullOrWhiteSpace(webhook.TimeZone) || !Zones.TryFind(webhook.TimeZone, out _))
            {
                errors.Add($"{key}:TimeZone must be an IANA time zone, e.g. Europe/Berlin");
            }
        }
    }

    // The URL holds the webhook's token: messages name the key, never the value.
    private static void CheckUrl(List<string> errors, string key, string? url, bool loopback, HashSet<string> seen)
    {
        if (!DiscordWebhookUrl.TryParse(url, loopback, out var id, out _))
        {
            errors.Add($"{key} must be a webhook URL as Discord shows it: https://discord.com/api/webhooks/{{id}}/{{token}}");
        }
        else if (!seen.Add(id))
        {
            errors.Add($"{key} repeats webhook {id}: each webhook may be configured once");
        }
    }
}
