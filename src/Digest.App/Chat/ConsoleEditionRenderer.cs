using Digest.Core.Delivery;
using Digest.Core.Editions;
using Digest.Core.Rendering;

namespace Digest.App.Chat;

/// <summary>Editions in the terminal: the Markdown digest, as `digest generate` writes it, in one part.</summary>
internal sealed class ConsoleEditionRenderer : IEditionRenderer
{
    public string Platform => ConsoleChannel.PlatformName;

    public IReadOnlyList<MessagePart> Render(Edition edition) => [new MessagePart(MessageFormat.Markdown, MarkdownRenderer.Render(edition))];
}
