using Digest.Core.Articles;
using Digest.Core.Assessing.Offline;

namespace Digest.Core.Assessing;

/// <summary>
/// Assesses without an LLM: category from lexicons, scores from topic, depth and recency signals,
/// TF-IDF keywords against the batch, an extractive summary and a templated "why read it". Deterministic.
/// </summary>
public sealed class OfflineAssessor(TimeProvider time) : IAssessor
{
    public const string ModelName = "offline";
    private const string Version = "offline-v1";

    public string ModelId => ModelName;

    public string PromptVersion => Version;

    public Task<IReadOnlyList<Assessment>> ScoreAsync(IReadOnlyList<Article> batch, CancellationToken ct)
    {
        var keywords = new KeywordExtractor(batch.Select(a => (a.Title, a.Text)));
        var now = time.GetUtcNow();
        IReadOnlyList<Assessment> result = batch.Select(a => Score(a, keywords, now)).ToList();
        return Task.FromResult(result);
    }

    public Task<Writeup> WriteUpAsync(Article article, Assessment assessment, string language, CancellationToken ct)
    {
        var summary = ExtractiveSummarizer.Summarize(article.Title, article.Text, assessment.Keywords);
        var why = WhyRead(assessment);
        return Task.FromResult(new Writeup(article.Id, summary, why, assessment.Keywords, language, ModelId, PromptVersion));
    }

    public Task<string> WriteHighlightsAsync(IReadOnlyList<HighlightInput> selected, string language, CancellationToken ct)
    {
        if (selected.Count == 0)
        {
            return Task.FromResult("A quiet day: nothing new in the window.");
        }
        var categories = selected
            .GroupBy(s => s.Category)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key)
            .Take(2)
            .Select(g => $"{g.Key.Label()} ({g.Count()})")
            .ToList();
        // Only keywords that more than one article shares: the sentence says they come up again and again.
        var themes = selected
            .SelectMany(s => s.Keywords.Distinct(StringComparer.OrdinalIgnoreCase))
            .GroupBy(k => k, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(3)
            .Select(g => g.Key)
            .ToList();
        var sources = selected.Select(s => s.Source).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        var top = selected[0];
        var text =
            $"Today's digest picks {selected.Count} articles from {sources} sources. " +
            $"Most of them are about {JoinAnd(categories)}" +
            (themes.Count > 0 ? $", with {JoinAnd(themes)} coming up again and again. " : ". ") +
            $"Start with “{top.Title}” from {top.Source}.";
        return Task.FromResult(text);
    }

    private Assessment Score(Article article, KeywordExtractor keywords, DateTimeOffset now)
    {
        var (category, hits) = Classify(article);
        var relevance = Math.Clamp((category == Category.Other ? 3 : 5) + Math.Min(5, hits / 2), 1, 10);
        var quality = Depth(article.Text);
        var timeliness = Recency(now - (article.PublishedAt ?? article.FirstSeenAt));
        var terms = OfflineKeywords.Of(article, keywords, 4);
        if (terms.Count < 2)
        {
            terms.AddRange(OfflineKeywords.Fallbacks(article, category).Except(terms).Take(2 - terms.Count));
        }
        return new Assessment(article.Id, relevance, quality, timeliness, category, terms, ModelId, PromptVersion, now);
    }

    private static (Category Category, int Hits) Classify(Article article)
    {
        var title = " " + string.Join(' ', Tokenizer.Words(article.Title)) + " ";
        var text = " " + string.Join(' ', Tokenizer.Words(article.Text.Length > 6000 ? article.Text[..6000] : article.Text)) + " ";
        var best = (Category: Category.Other, Hits: 0);
        foreach (var (category, terms) in CategoryLexicon.Terms)
        {
            var hits = 0;
            foreach (var term in terms)
            {
                var needle = " " + term + " ";
                hits += Count(title, needle) * 3 + Math.Min(3, Count(text, needle));
            }
            if (hits > best.Hits)
            {
                best = (category, hits);
            }
        }
        return best.Hits >= 2 ? best : (Category.Other, best.Hits);
    }

    private static int Count(string haystack, string needle)
    {
        var count = 0;
        for (var i = haystack.IndexOf(needle, StringComparison.Ordinal); i >= 0; i = haystack.IndexOf(needle, i + 1, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    /// <summary>Longer, denser articles score higher: a one-line link post rarely is a must-read.</summary>
    private static int Depth(string text)
    {
        var words = Tokenizer.Words(text).Count();
        return words switch
        {
            < 60 => 3,
            < 200 => 5,
            < 500 => 6,
            < 1000 => 7,
            < 2500 => 8,
            _ => 9,
        };
    }

    private static int Recency(TimeSpan age) => age.TotalHours switch
    {
        <= 6 => 10,
        <= 12 => 9,
        <= 24 => 8,
        <= 48 => 6,
        <= 96 => 4,
        _ => 2,
    };

    private static string WhyRead(Assessment assessment)
    {
        var topics = JoinAnd(assessment.Keywords.Take(2).ToList());
        return assessment.Category switch
        {
            Category.AiMl => $"A grounded look at {topics} for anyone following where AI is heading.",
            Category.Security => $"Useful security context on {topics}, worth knowing before it reaches you.",
            Category.Engineering => $"Practical engineering detail on {topics} you can learn from.",
            Category.Tools => $"News on {topics} for people who build with these tools.",
            Category.Opinion => $"A thought-provoking take on {topics}.",
            _ => $"An interesting read on {topics}.",
        };
    }

    private static string JoinAnd(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "a range of topics",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };
}
