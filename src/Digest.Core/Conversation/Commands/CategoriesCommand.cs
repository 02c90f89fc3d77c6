using Digest.Core.Articles;
using Digest.Core.Subscriptions;

namespace Digest.Core.Conversation.Commands;

/// <summary>/categories: a keyboard of toggles; the digest keeps only the ticked categories (none ticked off = all).</summary>
public sealed class CategoriesCommand(ISubscriberStore subscribers) : IButtonCommand
{
    private const string AllData = "all";

    public string Name => "categories";

    public string Description => "Choose the categories you get";

    public bool ChangesSettings => true;

    public string CallbackPrefix => "cat:";

    public Task HandleAsync(CommandContext context, CancellationToken ct) =>
        context.Chat.ReplyAsync(Keyboard(context.Subscriber.Categories, editOriginal: false), ct);

    public async Task HandleButtonAsync(CommandContext context, string data, CancellationToken ct)
    {
        var chosen = Effective(context.Subscriber.Categories);
        if (data == AllData)
        {
            chosen = [.. Categories.All];
        }
        else if (Categories.TryParse(data, out var category))
        {
            if (!chosen.Remove(category))
            {
                chosen.Add(category);
            }
            if (chosen.Count == 0)
            {
                await context.Chat.ReplyAsync(Keyboard(context.Subscriber.Categories, editOriginal: true, note: "Keep at least one category."), ct);
                return;
            }
        }
        else
        {
            return;
        }
        // Every category ticked is stored as "all", so categories added later are included too.
        IReadOnlySet<Category> stored = chosen.Count == Categories.All.Count ? new HashSet<Category>() : chosen;
        var saved = await subscribers.SaveAsync(context.Subscriber with { Categories = stored }, ct);
        await context.Chat.ReplyAsync(Keyboard(saved.Categories, editOriginal: true), ct);
    }

    private ChatReply Keyboard(IReadOnlySet<Category> categories, bool editOriginal, string? note = null)
    {
        var effective = Effective(categories);
        var rows = Categories.All
            .Select(c => (IReadOnlyList<ChatButton>)[new ChatButton($"{(effective.Contains(c) ? "✅" : "▫️")} {c.EmojiLabel()}", CallbackPrefix + c.Slug())])
            .Append([new ChatButton("Select all", CallbackPrefix + AllData)])
            .ToList();
        var text = "Choose the categories in your digest (tap to toggle):" + (note is null ? "" : "\n" + note);
        return new ChatReply(text, rows, editOriginal);
    }

    private static HashSet<Category> Effective(IReadOnlySet<Category> stored) =>
        stored.Count == 0 ? [.. Categories.All] : [.. stored];
}
