using System.Text;
using Digest.Core.Conversation.Asking;
using Digest.Core.Conversation.Links;
using Digest.Core.Conversation.Memory;
using Digest.Core.Conversation.Settings;
using Digest.Core.Delivery;
using Digest.Core.Editions;
using Digest.Core.Subscriptions;

namespace Digest.Core.Conversation;

/// <summary>
/// What a chat says outside commands: a link is summarized, settings said in plain words are applied, a greeting gets
/// a pointer to /help, and anything else is a question about the articles, answered from them — with "#3", "the
/// second one" resolved against the last digest this chat was shown, and "that article" or "it" against the chat's
/// memory of its last turns. /ask and /summary come here too.
/// </summary>
public sealed class ChatAssistant(
    LinkSummaries links,
    SettingsInPlainWords settings,
    QuestionService questions,
    IOutbox outbox,
    IEditionStore editions,
    ISubscriberStore subscribers,
    IChatMemory memory,
    ChatLimits limits,
    TimeProvider time,
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
            return await RememberAsync(context, text, await SummarizeLinkAsync(link, ct), ct);
        }
        if (Greetings.Contains(text.TrimEnd('!', '.', ' ')) || text.Length == 0)
        {
            return new ChatReply(Pointer);
        }
        var spent = settings.UsesLlm && await limits.BudgetSpentAsync(context.Message.Platform, context.Message.ChatId, ct);
        var reading = await settings.ReadAsync(text, context.Subscriber, offlineOnly: spent, ct);
        if (reading.AsksForChange)
        {
            return await RememberAsync(context, text, await ChangeSettingsAsync(context, reading, ct), ct);
        }
        var answer = await AnswerAsync(context, text, ct);
        return await RememberAsync(context, text, answer with { Tokens = answer.Tokens + reading.Tokens }, ct);
    }

    /// <summary>/summary: the same as a pasted link, within the chat's allowance.</summary>
    public async Task<ChatReply> SummarizeAsync(CommandContext context, string url, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        return limits.TryTake(context.Message.Platform, context.Message.ChatId)
            ? await RememberAsync(context, url, await SummarizeLinkAsync(url, ct), ct)
            : new ChatReply(ChatLimits.TooFast);
    }

    /// <summary>/ask: the same as a question typed freely, within the chat's allowance.</summary>
    public async Task<ChatReply> AskAsync(CommandContext context, string question, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        return limits.TryTake(context.Message.Platform, context.Message.ChatId)
            ? await RememberAsync(context, question, await AnswerAsync(context, question, ct), ct)
            : new ChatReply(ChatLimits.TooFast);
    }

    private async Task<Turn> SummarizeLinkAsync(string url, CancellationToken ct)
    {
        var result = await links.SummarizeAsync(url, edition.Language, ct);
        if (result is not { Succeeded: true, Article: { } article, Summary: { } summary })
        {
            return new Turn(result.Failure?.Message ?? "I could not read that page.", [], 0);
        }
        return new Turn($"{article.Title}\n{article.CanonicalUrl}\n\n{summary}\n\nAsk me about it, e.g. \"what is its main point?\"", [article.Id], 0);
    }

    private async Task<Turn> AnswerAsync(CommandContext context, string question, CancellationToken ct)
    {
        if (questions.UsesLlm && await limits.BudgetSpentAsync(context.Message.Platform, context.Message.ChatId, ct))
        {
            return new Turn(ChatLimits.BudgetSpent, [], 0);
        }
        var focus = await FocusAsync(context, question, ct);
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
        var about = answer.Found ? answer.Sources.Select(s => s.ArticleId).ToList() : [];
        return new Turn(reply.ToString().TrimEnd(), about, answer.Tokens);
    }

    private async Task<Turn> ChangeSettingsAsync(CommandContext context, SettingsReading reading, CancellationToken ct)
    {
        // Read first, refused after: a question must not be refused for not being an admin.
        if (!await context.Chat.IsSenderAdminAsync(ct))
        {
            return new Turn(SettingsForAdmins, [], reading.Tokens);
        }
        return new Turn(await settings.ApplyAsync(reading, context.Subscriber, subscribers, ct), [], reading.Tokens);
    }

    /// <summary>
    /// The last digest this chat was shown, in its numbering; the article the question points at, if any: its "#n", else
    /// the article of the digest message it replies to, else — for "that article", "it" — the one the last turns were
    /// about; and those turns, for a follow-up's context.
    /// </summary>
    private async Task<AskFocus> FocusAsync(CommandContext context, string question, CancellationToken ct)
    {
        var earlier = await memory.RecallAsync(context.Message.Platform, context.Message.ChatId, ct);
        var inOrder = new List<EditionItem>();
        var shown = context.Subscriber.Id == 0 ? [] : await outbox.GetLastShownAsync(context.Subscriber.Id, ct);
        if (shown.Count > 0)
        {
            var latest = await editions.GetLatestAsync(EditionKind.Daily, ct);
            var items = (latest?.Items ?? []).Concat(latest?.Reserve ?? []).ToDictionary(i => i.ArticleId);
            inOrder.AddRange(shown.Where(items.ContainsKey).Select(id => items[id]));
        }
        var pointed = ArticleReference.Find(question) is { } reference
            ? ArticleReference.Resolve(reference, shown)
            : ArticleReference.ResolveReplied(context.Message.RepliedToLinks, inOrder);
        if (pointed is null && ArticleReference.RefersBack(question))
        {
            pointed = earlier.LastOrDefault(t => t.ArticleIds.Count > 0)?.ArticleIds[0];
        }
        return new AskFocus(inOrder, pointed) { Earlier = earlier };
    }

    private async Task<ChatReply> RememberAsync(CommandContext context, string asked, Turn turn, CancellationToken ct)
    {
        var message = context.Message;
        await memory.RememberAsync(
            new ChatTurn(message.Platform, message.ChatId, time.GetUtcNow(), asked, turn.Reply, turn.About, turn.Tokens),
            ct);
        return new ChatReply(turn.Reply);
    }

    /// <summary>A reply, the articles it is about, and the LLM tokens it cost.</summary>
    private sealed record Turn(string Reply, IReadOnlyList<long> About, long Tokens);
}
