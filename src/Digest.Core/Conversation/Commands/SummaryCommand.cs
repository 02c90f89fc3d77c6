using Digest.Core.Conversation.Links;

namespace Digest.Core.Conversation.Commands;

/// <summary>/summary https://… — any public web page, read and summarized (a bare link in a private chat does the same).</summary>
public sealed class SummaryCommand(ChatAssistant assistant) : ICommand
{
    public string Name => "summary";

    public string Description => "Summarize a link: /summary https://example.com/post";

    public string? Parameter => "url";

    public bool ChangesSettings => false;

    public async Task HandleAsync(CommandContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var url = LinkFinder.FirstLink(context.Arguments) ?? context.Arguments.Trim();
        var reply = url.Length == 0
            ? new ChatReply("Send /summary followed by a link, e.g. /summary https://example.com/post")
            : await assistant.SummarizeAsync(context, url, ct);
        await context.Chat.ReplyAsync(reply, ct);
    }
}
