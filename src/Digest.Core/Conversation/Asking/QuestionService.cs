using Digest.Core.Assessing;
using Digest.Core.Conversation.Memory;
using Microsoft.Extensions.Logging;

namespace Digest.Core.Conversation.Asking;

/// <summary>
/// Answers a chat's question from the articles: retrieves, asks the configured answerer (the offline one when it fails),
/// and lets through only citations of retrieved articles. An answer that cites none of them is not grounded and is
/// replaced by the offline one.
/// </summary>
public sealed class QuestionService(IAnswerer answerer, OfflineAnswerer offline, Retrieval retrieval, ILogger<QuestionService> logger)
{
    /// <summary>How many of the closest articles a "not found" reply links.</summary>
    public const int MaxClosest = 3;

    public IAnswerer Answerer => answerer;

    /// <summary>
    /// Whether questions go to an LLM. When they do, spending is checked first (the daily budgets); offline answers
    /// cost nothing and are always given.
    /// </summary>
    public bool UsesLlm => !ReferenceEquals(answerer, offline);

    public async Task<AnswerReply> AskAsync(string question, AskFocus focus, string language, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(focus);
        var sources = await retrieval.FindAsync(question, focus, ct);
        return await AnswerAsync(question, sources, focus.Earlier, language, ct);
    }

    /// <summary>The answer from <paramref name="sources"/> alone; with none, says so without asking anyone.</summary>
    public Task<AnswerReply> AnswerAsync(string question, IReadOnlyList<Source> sources, string language, CancellationToken ct) =>
        AnswerAsync(question, sources, [], language, ct);

    private async Task<AnswerReply> AnswerAsync(
        string question, IReadOnlyList<Source> sources, IReadOnlyList<ChatTurn> earlier, string language, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(sources);
        if (sources.Count == 0)
        {
            return AnswerReply.NotFound([], offline.ModelId);
        }
        var (answer, by) = await TryAnswerAsync(question, sources, earlier, language, ct);
        var spent = answer.Tokens;
        if (Checked(answer, sources, by.ModelId) is { } reply)
        {
            return reply with { Tokens = spent };
        }
        if (!ReferenceEquals(by, offline))
        {
            logger.LogWarning("Answer by {model_id} cited none of the {count} retrieved articles; answering offline", by.ModelId, sources.Count);
            answer = await offline.AnswerAsync(question, sources, earlier, language, ct);
            if (Checked(answer, sources, offline.ModelId) is { } grounded)
            {
                return grounded with { Tokens = spent };
            }
        }
        return AnswerReply.NotFound(sources.Take(MaxClosest), offline.ModelId) with { Tokens = spent };
    }

    private Task<(Answer Answer, IAnswerer By)> TryAnswerAsync(
        string question, IReadOnlyList<Source> sources, IReadOnlyList<ChatTurn> earlier, string language, CancellationToken ct) =>
        LlmOrOffline.RunAsync(
            UsesLlm,
            async () => (await answerer.AnswerAsync(question, sources, earlier, language, ct), answerer),
            async () => (await offline.AnswerAsync(question, sources, earlier, language, ct), (IAnswerer)offline),
            "Answering", answerer.ModelId, logger, ct);

    /// <summary>
    /// The reply for <paramref name="answer"/>: "not found" with the closest articles when it found nothing; the text
    /// with its unknown citations removed otherwise; null when no citation of a retrieved article is left.
    /// </summary>
    private static AnswerReply? Checked(Answer answer, IReadOnlyList<Source> sources, string modelId)
    {
        if (!answer.Found)
        {
            return AnswerReply.NotFound(sources.Take(MaxClosest), modelId);
        }
        var byNumber = sources.ToDictionary(s => s.Number);
        var (text, cited) = Citations.Keep(answer.Text, byNumber.Keys.ToHashSet());
        if (cited.Count == 0 || string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        return new AnswerReply(text, cited.Select(n => CitedSource.Of(byNumber[n])).ToList(), Found: true, modelId);
    }
}
