using Digest.Core.Assessing.Offline;
using Digest.Core.Conversation.Memory;

namespace Digest.Core.Conversation.Asking;

/// <summary>
/// Answers without an LLM: the sources whose sentences share the most words with the question, each as
/// "[n] Title — its matching sentences". Search-only, so it can never say what the articles do not. Deterministic.
/// </summary>
public sealed class OfflineAnswerer : IAnswerer
{
    public const string ModelName = "offline";

    public const int MaxSources = 3;

    private const int MaxSentences = 2;

    private const int MaxLine = 500;

    public string ModelId => ModelName;

    public Task<Answer> AnswerAsync(string question, IReadOnlyList<Source> sources, IReadOnlyList<ChatTurn> earlier, string language, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(sources);
        var words = new QuestionWords(question);
        var matches = words.IsEmpty
            // "#3 — tell me more": no subject but the article pointed at, so its opening is the answer.
            ? sources.Take(1).Select(s => (Source: s, Sentences: Tokenizer.Sentences(s.Text).Take(MaxSentences).ToList(), Score: 1))
            : sources.Select(s => Match(s, words));
        var best = matches
            .Where(m => m.Score > 0 && m.Sentences.Count > 0)
            .OrderByDescending(m => m.Score)
            .ThenBy(m => m.Source.Number)
            .Take(MaxSources)
            .ToList();
        if (best.Count == 0)
        {
            return Task.FromResult(new Answer(AnswerReply.NotFoundText, [], Found: false));
        }
        var lines = best.Select(m => $"[{m.Source.Number}] {m.Source.Title} — {Excerpt.Clip(string.Join(' ', m.Sentences), MaxLine)}");
        return Task.FromResult(new Answer(string.Join('\n', lines), best.Select(m => m.Source.Number).ToList(), Found: true));
    }

    /// <summary>
    /// The source's sentences that share the most question words (in the text's order), scored by the different words
    /// they and the title share with the question. A title match alone shows the excerpt's opening.
    /// </summary>
    private static (Source Source, List<string> Sentences, int Score) Match(Source source, QuestionWords words)
    {
        var sentences = Tokenizer.Sentences(source.Text);
        var scored = sentences
            .Select((text, index) => (Text: text, Index: index, Score: words.Overlap(text)))
            .Where(s => s.Score > 0 && s.Text != "…")
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Index)
            .Take(MaxSentences)
            .OrderBy(s => s.Index)
            .Select(s => s.Text.Trim('…', ' '))
            .ToList();
        if (scored.Count == 0 && words.Overlap(source.Title) > 0)
        {
            scored = sentences.Select(s => s.Trim('…', ' ')).Where(s => s.Length > 0).Take(1).ToList();
        }
        var score = scored.Count == 0 ? 0 : words.Overlap(source.Title + "\n" + string.Join('\n', scored));
        return (source, scored, score);
    }
}
