namespace Digest.TestKit.Discord;

/// <summary>
/// A request path split the way the fake needs it: <see cref="Template"/> with ids and tokens replaced, the major
/// parameter its bucket is kept per, and the channel it concerns.
/// </summary>
internal sealed record FakeRoute(string Template, string Major, string[] Segments, string? ChannelId)
{
    public bool IsInteractionCallback => Segments.Length > 0 && Segments[0] == "interactions";

    public static FakeRoute Parse(string method, string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var template = new string[segments.Length];
        for (var i = 0; i < segments.Length; i++)
        {
            var tokenSlot = i == 2 && segments[0] is "webhooks" or "interactions";
            template[i] = tokenSlot ? "{token}" : segments[i].All(char.IsAsciiDigit) ? "{id}" : segments[i];
        }
        string? channel = null;
        var major = string.Empty;
        for (var i = 0; i + 1 < segments.Length; i++)
        {
            if (segments[i] is "channels" or "guilds" or "webhooks" && major.Length == 0)
            {
                major = segments[i] + "/" + segments[i + 1] + (segments[i] == "webhooks" && segments.Length > 2 ? "/" + segments[2] : string.Empty);
            }
            if (segments[i] == "channels")
            {
                channel ??= segments[i + 1];
            }
        }
        return new FakeRoute(method + " /" + string.Join('/', template), major, segments, channel);
    }

    public string Id(int index) => Segments[index];
}
