using System.Security.Cryptography;
using System.Text;

namespace Digest.Discord.Rest;

/// <summary>
/// One request's path and what rate limiting needs of it. Discord buckets per route and per top-level resource, so
/// <see cref="Key"/> keeps channel, guild and webhook ids and replaces the others; tokens in the path (webhooks,
/// interactions) are secrets, so the key carries only a hash of them and <see cref="LogName"/> not even that.
/// </summary>
internal sealed record DiscordRoute(HttpMethod Method, string Path, string Key, string LogName, string MajorParameter, bool ExemptFromGlobal)
{
    private static readonly HashSet<string> MajorResources = new(StringComparer.Ordinal) { "channels", "guilds", "webhooks" };

    /// <summary><paramref name="path"/> is relative to the API base, without query, e.g. "channels/123/messages".</summary>
    public static DiscordRoute Create(HttpMethod method, string path)
    {
        var segments = path.Split('/');
        var key = new string[segments.Length];
        var log = new string[segments.Length];
        var major = string.Empty;
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var previous = i > 0 ? segments[i - 1] : string.Empty;
            if (IsTokenPosition(segments, i))
            {
                key[i] = "#" + Hash(segment);
                log[i] = "{token}";
            }
            else if (IsSnowflake(segment) && MajorResources.Contains(previous))
            {
                key[i] = log[i] = segment;
                if (major.Length == 0)
                {
                    major = previous + "/" + segment;
                }
            }
            else if (IsSnowflake(segment))
            {
                key[i] = log[i] = "{id}";
            }
            else
            {
                key[i] = log[i] = segment;
            }
        }
        if (major.StartsWith("webhooks/", StringComparison.Ordinal) && segments.Length > 2)
        {
            // A webhook's bucket is per id and token.
            major += "/" + key[2];
        }
        var verb = method.Method;
        return new DiscordRoute(
            method,
            path,
            verb + " /" + string.Join('/', key),
            verb + " /" + string.Join('/', log),
            major,
            ExemptFromGlobal: segments[0] == "interactions");
    }

    // webhooks/{id}/{token}/… and interactions/{id}/{token}/callback
    private static bool IsTokenPosition(string[] segments, int i) =>
        i == 2 && segments[0] is "webhooks" or "interactions" && IsSnowflake(segments[1]);

    private static bool IsSnowflake(string segment) => segment.Length > 0 && segment.All(char.IsAsciiDigit);

    private static string Hash(string secret) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)), 0, 6);
}
