namespace Digest.Discord.Webhooks;

/// <summary>
/// Reads a webhook URL as Discord's "Copy Webhook URL" gives it. Only its id and token are kept: requests go to
/// <see cref="DiscordOptions.ApiBaseUrl"/>, so a configured URL can never send the token to another host, and tests
/// reach the fake with real-looking URLs.
/// </summary>
internal static class DiscordWebhookUrl
{
    private static readonly string[] DiscordHosts = ["discord.com", "discordapp.com", "ptb.discord.com", "canary.discord.com"];

    /// <param name="allowLoopback">http(s)://127.0.0.1 or localhost, for tests against a fake API on loopback.</param>
    public static bool TryParse(string? url, bool allowLoopback, out string id, out string token)
    {
        id = token = string.Empty;
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            return false;
        }
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var discord = uri.Scheme == Uri.UriSchemeHttps && uri.IsDefaultPort && DiscordHosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase);
        var loopback = allowLoopback && uri.IsLoopback && uri.Scheme is "http" or "https";
        if (!(discord && HasDiscordPrefix(segments) || loopback && segments.Length >= 3))
        {
            return false;
        }
        var (webhooks, candidateId, candidateToken) = (segments[^3], segments[^2], segments[^1]);
        if (webhooks != "webhooks" || !IsSnowflake(candidateId) || !IsToken(candidateToken))
        {
            return false;
        }
        (id, token) = (candidateId, candidateToken);
        return true;
    }

    // /api/webhooks/{id}/{token} or /api/v10/webhooks/{id}/{token}
    private static bool HasDiscordPrefix(string[] segments) =>
        segments is ["api", "webhooks", _, _] ||
        segments is ["api", ['v', .. var version], "webhooks", _, _] && version.Length > 0 && version.All(char.IsAsciiDigit);

    private static bool IsSnowflake(string s) => s.Length is > 0 and <= 20 && s.All(char.IsAsciiDigit);

    // Discord's tokens are URL-safe base64; anything else means a mangled paste.
    private static bool IsToken(string s) => s.Length > 0 && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
