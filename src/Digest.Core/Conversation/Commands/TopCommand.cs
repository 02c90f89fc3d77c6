using System.Globalization;
using Digest.Core.Subscriptions;

namespace Digest.Core.Conversation.Commands;

/// <summary>/top N: how many articles the digest carries (1–30).</summary>
public sealed class TopCommand(ISubscriberStore subscribers) : ICommand
{
    internal const int Max = 30;

    public string Name => "top";

    public string Description => "Number of articles: /top 10";

    public string? Parameter => "count";

    public bool ChangesSettings => true;

    public async Task HandleAsync(CommandContext context, CancellationToken ct)
    {
        if (!int.TryParse(context.Arguments, NumberStyles.None, CultureInfo.InvariantCulture, out var top) || top is < 1 or > Max)
        {
            await context.Chat.ReplyAsync(new ChatReply($"Usage: /top N with N from 1 to {Max} (now {context.Subscriber.Top})."), ct);
            return;
        }
        await subscribers.SaveAsync(context.Subscriber with { Top = top }, ct);
        await context.Chat.ReplyAsync(new ChatReply(SettingsText.TopArticles(top)), ct);
    }
}
