using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Digest.Telegram;

/// <summary>Checks the settings at start, only when Telegram is on; every message names its key and never shows a secret.</summary>
internal sealed partial class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    // Telegram.Bot takes the part before ':' as the bot id: 1–16 digits.
    [GeneratedRegex(@"^\d{1,16}:\S+$")]
    private static partial Regex TokenShape();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretShape();

    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        if (!options.IsConfigured)
        {
            return ValidateOptionsResult.Success;
        }
        var errors = new List<string>();
        if (!TokenShape().IsMatch(options.BotToken!))
        {
            errors.Add("Telegram:BotToken must look like 123456:ABC-DEF (the bot id, a colon, the secret)");
        }
        if (options.ApiBaseUrl is { Length: > 0 } baseUrl && !IsAbsolute(baseUrl, Uri.UriSchemeHttp, Uri.UriSchemeHttps))
        {
            errors.Add("Telegram:ApiBaseUrl must be an absolute http or https URL");
        }
        if (options.PollingErrorDelay <= TimeSpan.Zero)
        {
            errors.Add("Telegram:PollingErrorDelay must be positive");
        }
        if (options.Mode == TelegramMode.Webhook)
        {
            ValidateWebhook(options, errors);
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateWebhook(TelegramOptions options, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(options.WebhookUrl))
        {
            errors.Add("Telegram:WebhookUrl is required when Telegram:Mode is Webhook");
        }
        else if (!IsAbsolute(options.WebhookUrl, Uri.UriSchemeHttps))
        {
            errors.Add("Telegram:WebhookUrl must be an absolute https URL (Telegram posts only to https)");
        }
        if (string.IsNullOrEmpty(options.WebhookSecret))
        {
            errors.Add("Telegram:WebhookSecret is required when Telegram:Mode is Webhook");
        }
        else if (!SecretShape().IsMatch(options.WebhookSecret))
        {
            errors.Add("Telegram:WebhookSecret must be 1 to 256 characters of A-Z, a-z, 0-9, _ and -");
        }
    }

    private static bool IsAbsolute(string url, params string[] schemes) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && schemes.Contains(uri.Scheme);
}
