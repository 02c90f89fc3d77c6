using Digest.Core.Rendering;

namespace Digest.App.Chat;

/// <summary>Editions in the terminal: the Markdown digest, as `digest generate` writes it, in one part.</summary>
internal sealed class ConsoleEditionRenderer() : MarkdownRenderer(ConsoleChannel.PlatformName);
