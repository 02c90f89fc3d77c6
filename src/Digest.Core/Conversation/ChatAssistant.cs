using System.Text;
using Digest.Core.Conversation.Asking;
using Digest.Core.Conversation.Links;
using Digest.Core.Conversation.Settings;
using Digest.Core.Delivery;
using Digest.Core.Editions;
using Digest.Core.Subscriptions;

namespace Digest.Core.Conversation;

/// <summary>
/// What a chat says outside commands: a link is summarized, settings said in plain words are applied, a greeting gets
/// a pointer to /help, and anything else is a question about the articles, answered from them — with "#3", "the
/// second one" resolved against the last digest this chat was shown. /ask and /summary come here too.
/// </summary>
public sealed class ChatAssistant(
    LinkSummaries links,
    SettingsInPlainWords settings,
    QuestionService questions,
    IOutbox outbox,
    IEditionStore editions,
    ISubscriberStore subscribers,
    ChatLimits limits,
    EditionOptions edition)
{
    public const string Pointer =
        "I can answer questions about the articles (\"why does #3 matter?\"), summarize a link you paste, or change your "
        + "digest in plain words (\"less crypto, more AI\", \"at 7:30\", \"top 5\"). Send /help for the commands.";

    public const string SettingsForAdmins = "Only admins of this chat can change its digest settings; anyone can ask about the articles.";

    private static readonly HashSet<string> Greetings = new(StringComparer.OrdinalIgnoreCase)
    {
        "hi", "hello", "hey", "hallo", "thanks", "thank you", "thx", "ok", "okay", "cool", "great", "good morning", "yo",
    };

    /// <summary>The reply to free text.</summary>
    public async Task<ChatReply> HandleAsync(CommandContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!limits.TryTake(context.Message.Platform, context.Message.ChatId))
        {
            return new ChatReply(ChatLimits.TooFast);
        }
        var text = context.Arguments.Trim();
        if (LinkFinder.FirstLink(text) is { } link)
        {
            return await SummarizeLinkAsync(link, ct);
        }
        if (Greetings.Contains(text.TrimEnd('!', '.', ' ')) || text.Length == 0)
        {
            return new ChatReply(Pointer);
        }
        if (await TrySettingsAsync(context, text, ct) is { } changed)
        {
            return changed;
        }
        return await AnswerAsync(context, text, ct);
    }

    /// <summary>/summary: the same as a pasted link, within the chat's allowance.</summary>
    public async Task<ChatReply> SummarizeAsync(CommandContext context, string url, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        return limits.TryTake(context.Message.Platform, context.Message.ChatId)
            ? await SummarizeLinkAsync(url, ct)
            : new ChatReply(ChatLimits.TooFast);
    }

    /// <summary>/ask: the same as a question typed freely, within the chat's allowance.</summary>
    public async Task<ChatReply> AskAsync(CommandContext context, string question, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        return limits.TryTake(context.Message.Platform, context.Message.ChatId)
            ? await AnswerAsync(context, question, ct)
            : new ChatReply(ChatLimits.TooFast);
    }

    private async Task<ChatReply> SummarizeLinkAsync(string url, CancellationToken ct)
    {
        var result = await links.SummarizeAsync(url, edition.Language, ct);
        if (result is not { Succeeded: true, Article: { } article, Summary: { } summary })
        {
            return new ChatReply(result.Failure?.Message ?? "I could not read that page.");
        }
        return new ChatReply($"{article.Title}\n{article.CanonicalUrl}\n\n{summary}\n\nAsk me about it, e.g. \"what is its main point?\"");
    }

    private async Task<ChatReply> AnswerAsync(CommandContext context, string question, CancellationToken ct)
    {
        if (await limits.BudgetSpentAsync(ct))
        {
            return new ChatReply(ChatLimits.BudgetSpent);
        }
        var focus = await FocusAsync(context.Subscriber, question, context.Message.RepliedToLinks, ct);
        var answer = await questions.AskAsync(question, focus, edition.Language, ct);
        var reply = new StringBuilder(answer.Text);
        if (answer.Sources.Count > 0)
        {
            reply.Append("\n\n");
            foreach (var source in answer.Sources)
            {
                reply.Append('[').Append(source.Number).Append("] ").Append(source.Title).Append(" — ").Append(source.Url).Append('\n');
            }
        }
        return new ChatReply(reply.ToString().TrimEnd());
    }

    private async Task<ChatReply?> TrySettingsAsync(CommandContext context, string text, CancellationToken ct)
    {
        // Parsing first: a question must not be refused for not being an admin.
        if (SettingsGrammar.Parse(text) is null)
        {
            return null;
        }
        if (!await context.Chat.IsSenderAdminAsync(ct))
        {
            return new ChatReply(SettingsForAdmins);
        }
        var confirmation = await settings.TryHandleAsync(text, context.Subscriber, subscribers, ct);
        return confirmation is null ? null : new ChatReply(confirmation);
    }

    /// <summary>
    /// The last digest this chat was shown, in its numbering, and the article the question points at, if any: its "#n",
    /// or else the article the digest message it replies to carried.
    /// </summary>
    private async Task<AskFocus> FocusAsync(Subscriber subscriber, string question, IReadOnlyList<string> repliedLinks, CancellationToken ct)
    {
        if (subscriber.Id == 0)
        {
            return AskFocus.None;
        }
        var shown = await outbox.GetLastShownAsync(subscriber.Id, ct);
        if (shown.Count == 0)
        {
            return AskFocus.None;
        }
        var latest = await editions.GetLatestAsync(EditionKind.Daily, ct);
        var items = (latest?.Items ?? []).Concat(latest?.Reserve ?? []).ToDictionary(i => i.ArticleId);
        var inOrder = shown.Where(items.ContainsKey).Select(id => items[id]).ToList();
        var pointed = ArticleReference.Find(question) is { } reference
            ? ArticleReference.Resolve(reference, shown)
            : ArticleReference.ResolveReplied(repliedLinks, inOrder);
        return new AskFocus(inOrder, pointed);
    }
}
