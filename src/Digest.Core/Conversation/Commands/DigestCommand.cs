using Digest.Core.Delivery;
using Digest.Core.Editions;

namespace Digest.Core.Conversation.Commands;

/// <summary>/digest: the latest edition now, cut to this chat's settings (no LLM call: it is already written).</summary>
public sealed class DigestCommand(IEditionStore editions, IEnumerable<IEditionRenderer> renderers) : ICommand
{
    public string Name => "digest";

    public string Description => "The latest digest, now";

    public bool ChangesSettings => false;

    public async Task HandleAsync(CommandContext context, CancellationToken ct)
    {
        var edition = await editions.GetLatestAsync(EditionKind.Daily, ct);
        var renderer = renderers.FirstOrDefault(r => string.Equals(r.Platform, context.Message.Platform, StringComparison.OrdinalIgnoreCase));
        if (edition is null || renderer is null)
        {
            await context.Chat.ReplyAsync(new ChatReply("No digest has been published yet. It comes out every morning."), ct);
            return;
        }
        var s = context.Subscriber;
        await context.Chat.SendPartsAsync(renderer.Render(edition.CutFor(s.Categories, s.Top)), ct);
    }
}
