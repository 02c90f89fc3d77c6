using System.Globalization;
using Digest.Core.Subscriptions;
using Microsoft.Extensions.Options;

namespace Digest.Discord.Webhooks;

/// <summary>
/// The webhook-only destinations of "Discord:WebhookUrl" and "Discord:Webhooks", read once. Their tokens live only
/// here, in configuration: the database knows a destination as "webhook:{id}" and nothing more.
/// </summary>
public sealed class DiscordWebhooks
{
    public const string ChatIdPrefix = "webhook:";

    private readonly Dictionary<string, DiscordWebhook> _byId = new(StringComparer.Ordinal);

    public DiscordWebhooks(IOptions<DiscordOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        var loopback = IsLoopbackApi(settings.ApiBaseUrl);
        var entries = new List<DiscordWebhookOptions>();
        if (!string.IsNullOrWhiteSpace(settings.WebhookUrl))
        {
            entries.Add(new DiscordWebhookOptions { Url = settings.WebhookUrl });
        }
        entries.AddRange(settings.Webhooks);
        var all = new List<DiscordWebhook>();
        // The validator has refused bad entries at start; one that slips through (validation off) is left out, not guessed at.
        foreach (var entry in entries)
        {
            if (DiscordWebhookUrl.TryParse(entry.Url, loopback, out var id, out var token)
                && TryParseTime(entry.Time, out var time)
                && Zones.TryFind(entry.TimeZone, out _)
                && _byId.TryAdd(id, new DiscordWebhook(id, token, time, entry.TimeZone.Trim())))
            {
                all.Add(_byId[id]);
            }
        }
        All = all;
    }

    public IReadOnlyList<DiscordWebhook> All { get; }

    public static bool IsWebhookChatId(string chatId) => chatId.StartsWith(ChatIdPrefix, StringComparison.Ordinal);

    /// <summary>The configured webhook behind a "webhook:{id}" chat id; false when it is not (or no longer) configured.</summary>
    public bool TryGet(string chatId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DiscordWebhook? webhook)
    {
        webhook = null;
        return IsWebhookChatId(chatId) && _byId.TryGetValue(chatId[ChatIdPrefix.Length..], out webhook);
    }

    public static bool TryParseTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text?.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    /// <summary>Webhook URLs on loopback are accepted only while the API is there too (tests against the fake).</summary>
    public static bool IsLoopbackApi(string? apiBaseUrl) =>
        Uri.TryCreate(apiBaseUrl, UriKind.Absolute, out var api) && api.IsLoopback;
}
