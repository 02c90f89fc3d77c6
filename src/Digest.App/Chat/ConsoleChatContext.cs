using System.Text;
using Digest.Core.Conversation;

namespace Digest.App.Chat;

/// <summary>The terminal's side of a conversation: replies are printed, buttons listed as what to type instead.</summary>
internal sealed class ConsoleChatContext(TextWriter output) : IChatContext
{
    public async Task ReplyAsync(ChatReply reply, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var text = new StringBuilder(reply.Text);
        foreach (var row in reply.Buttons ?? [])
        {
            text.Append('\n').Append(string.Join("   ", row.Select(b => $"[{b.Label}]")));
        }
        await output.WriteLineAsync(text.Append('\n').ToString().AsMemory(), ct);
        await output.FlushAsync(ct);
    }

    // The person at the terminal owns this chat.
    public Task<bool> IsSenderAdminAsync(CancellationToken ct) => Task.FromResult(true);

    // Whoever runs `digest chat` runs the bot.
    public Task<bool> IsSenderOperatorAsync(CancellationToken ct) => Task.FromResult(true);

    // There are no other chats to link from a terminal.
    public Task<ChatLink?> TryLinkChatAsync(string chatReference, CancellationToken ct) => Task.FromResult<ChatLink?>(null);
}
