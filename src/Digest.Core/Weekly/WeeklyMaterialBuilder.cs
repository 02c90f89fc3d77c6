using Digest.Core.Articles;
using Digest.Core.Assessing;
using Digest.Core.Collecting;
using Digest.Core.Editions;

namespace Digest.Core.Weekly;

/// <summary>
/// Gathers what a briefing is written from: the last seven days of the daily feeds as ranked stories, with other
/// outlets' coverage, and the weekly list's episodes and papers. Scores are the stored ones where the collect job
/// assessed an article; the rest, and every episode and paper, are scored offline here, so a week of arXiv costs no
/// LLM call. Only the few items the briefing may cite get write-ups (stored per article, mostly already there).
/// </summary>
public sealed class WeeklyMaterialBuilder(
    IArticleStore articles,
    IAssessmentStore assessments,
    FeedCatalog catalog,
    IWeeklyFeedList weeklyList,
    AssessmentService assessment,
    TimeProvider time)
{
    public static readonly TimeSpan Week = TimeSpan.FromDays(7);

    /// <summary>How many of the week's stories the writer chooses the big story and "Also this week" from.</summary>
    public const int Stories = 12;

    public const int CoveragePerStory = 2;
    public const int Coverage = 8;
    public const int Episodes = 6;
    public const int Papers = 8;

    public async Task<WeeklyMaterial> BuildAsync(string language, IProgress<PipelineProgress>? progress, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var kinds = (await weeklyList.LoadAsync(ct)).ToDictionary(s => s.Feed.Url, s => s.Kind, StringComparer.OrdinalIgnoreCase);
        var daily = (await catalog.GetAsync(ct)).Select(f => f.Url).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var week = await articles.GetSinceAsync(now - Week, ct);

        var news = week.Where(a => daily.Contains(a.FeedUrl)).ToList();
        var episodes = week.Where(a => Kind(a) == WeeklySourceKind.Audio).ToList();
        var papers = week.Where(a => Kind(a) == WeeklySourceKind.Research).ToList();
        if (news.Count + papers.Count == 0)
        {
            // Nothing to write about (no collect yet): asked again every minute while a subscriber waits, so this stays a query.
            return new WeeklyMaterial(DateOnly.FromDateTime(now.UtcDateTime), DateOnly.FromDateTime(now.UtcDateTime), language, [], [], [], []);
        }
        var scores = await ScoresAsync(news, episodes.Concat(papers).ToList(), ct);

        var stories = WeeklyStories.Rank(news, scores).Take(Stories).ToList();
        var coverage = stories
            .SelectMany(s => s.Others.Where(o => !o.Source.Equals(s.Lead.Source, StringComparison.OrdinalIgnoreCase))
                .DistinctBy(o => o.Source, StringComparer.OrdinalIgnoreCase)
                .Take(CoveragePerStory))
            .Take(Coverage)
            .ToList();
        var storySources = stories.ToDictionary(
            s => s.Lead.StoryId,
            s => (IReadOnlyList<string>)s.Others.Prepend(s.Lead).Select(a => a.Source).Distinct(StringComparer.OrdinalIgnoreCase).ToList());
        // Episodes are chosen by how recent and how substantial; a podcast's feed text is its show notes.
        var pickedEpisodes = Best(episodes, scores).Take(Episodes).ToList();
        var pickedPapers = Best(papers, scores).Take(Papers).ToList();

        var picked = stories.Select(s => s.Lead).Concat(coverage).Concat(pickedEpisodes).Concat(pickedPapers).ToList();
        var items = await ItemsAsync(picked, scores, language, storySources, progress, ct);
        var weekStart = DateOnly.FromDateTime((now - Week).UtcDateTime).AddDays(1);
        return new WeeklyMaterial(
            weekStart,
            DateOnly.FromDateTime(now.UtcDateTime),
            language,
            stories.Select(s => items[s.Lead.Id]).ToList(),
            coverage.Select(a => items[a.Id]).ToList(),
            pickedEpisodes.Select(a => items[a.Id]).ToList(),
            pickedPapers.Select(a => items[a.Id]).ToList());

        WeeklySourceKind? Kind(Article a) =>
            !daily.Contains(a.FeedUrl) && kinds.TryGetValue(a.FeedUrl, out var kind) ? kind : null;
    }

    /// <summary>Stored scores of the daily feeds' articles; offline scores for the rest, not stored.</summary>
    private async Task<Dictionary<long, Assessment>> ScoresAsync(List<Article> news, List<Article> weeklyOnly, CancellationToken ct)
    {
        var stored = await assessments.GetAsync(news.Select(a => a.Id).ToList(), assessment.Assessor.ModelId, ct);
        var scores = new Dictionary<long, Assessment>(stored);
        var unscored = news.Where(a => !scores.ContainsKey(a.Id)).Concat(weeklyOnly).ToList();
        if (unscored.Count > 0)
        {
            foreach (var score in await new OfflineAssessor(time).ScoreAsync(unscored, ct))
            {
                scores[score.ArticleId] = score;
            }
        }
        return scores;
    }

    private static IEnumerable<Article> Best(IEnumerable<Article> candidates, Dictionary<long, Assessment> scores) =>
        candidates
            .Where(a => scores.ContainsKey(a.Id))
            .OrderByDescending(a => scores[a.Id].Total)
            .ThenByDescending(a => a.PublishedAt ?? a.FirstSeenAt)
            .ThenBy(a => a.Id);

    private async Task<Dictionary<long, EditionItem>> ItemsAsync(
        List<Article> picked,
        Dictionary<long, Assessment> scores,
        string language,
        Dictionary<long, IReadOnlyList<string>> storySources,
        IProgress<PipelineProgress>? progress,
        CancellationToken ct)
    {
        var items = new EditionItem?[picked.Count];
        var done = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, picked.Count),
            new ParallelOptions { MaxDegreeOfParallelism = assessment.MaxConcurrency, CancellationToken = ct },
            async (i, token) =>
            {
                var article = picked[i];
                var score = scores[article.Id];
                var writeup = await assessment.GetWriteupAsync(article, score, language, token);
                items[i] = EditionComposer.Item((article, score, writeup), i + 1, 0, storySources);
                progress?.Report(new PipelineProgress("weekly write-ups", Interlocked.Increment(ref done), picked.Count));
            });
        return items.OfType<EditionItem>().GroupBy(i => i.ArticleId).ToDictionary(g => g.Key, g => g.First());
    }
}
