using Digest.Core.Collecting;

namespace Digest.Core.Conversation.Commands;

/// <summary>/feeds [add &lt;url&gt; [title] | remove &lt;url&gt;]: the bot's feed list, for its operators — the same list `digest feeds` edits.</summary>
public sealed class FeedListCommand(FeedCatalog catalog, IFeedStore feeds) : IOperatorCommand
{
    private const string Usage = "Usage: /feeds, /feeds add <url> [title], /feeds remove <url>";

    public string Name => "feeds";

    public string Description => "Operators: the feed list, /feeds add <url>, /feeds remove <url>";

    public bool ChangesSettings => false;

    public async Task HandleAsync(CommandContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var words = context.Arguments.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var reply = words switch
        {
            [] => await ListAsync(ct),
            ["add", var url, .. var title] when IsHttp(url) => await AddAsync(url, title.FirstOrDefault(), ct),
            ["remove", var url] when IsHttp(url) => await RemoveAsync(url, ct),
            _ => Usage,
        };
        await context.Chat.ReplyAsync(new ChatReply(reply), ct);
    }

    private async Task<string> ListAsync(CancellationToken ct)
    {
        var list = await catalog.GetAsync(ct);
        var health = await feeds.GetHealthAsync(ct);
        var failing = list.Count(f => health.GetValueOrDefault(f.Url) is { ConsecutiveFailures: > 0 });
        return $"{list.Count} feeds, {failing} failing at the last try. `digest feeds list` shows each one.";
    }

    private async Task<string> AddAsync(string url, string? title, CancellationToken ct)
    {
        await feeds.AddAsync(new FeedSource(url, string.IsNullOrWhiteSpace(title) ? new Uri(url).Host : title), ct);
        return $"Added {url}; the next collect reads it.";
    }

    private async Task<string> RemoveAsync(string url, CancellationToken ct)
    {
        await feeds.RemoveAsync(url, ct);
        return $"Removed {url}.";
    }

    private static bool IsHttp(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
