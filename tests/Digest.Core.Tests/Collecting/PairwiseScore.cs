namespace Digest.Core.Tests.Collecting;

/// <summary>
/// Pairwise precision and recall of a grouping: over all pairs of articles, a pair is truly together when both
/// belong to the same labelled story, and grouped together when the grouper gave them the same story id.
/// </summary>
internal sealed record PairwiseScore(int TruePairs, int WrongPairs, int MissedPairs, IReadOnlyList<string> Mistakes)
{
    public double Precision => TruePairs / (double)Math.Max(1, TruePairs + WrongPairs);
    public double Recall => TruePairs / (double)Math.Max(1, TruePairs + MissedPairs);
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static PairwiseScore Of(IReadOnlyList<LabelledArticle> articles, IReadOnlyDictionary<long, long> storyOf)
    {
        int truePairs = 0, wrong = 0, missed = 0;
        var mistakes = new List<string>();
        for (var i = 0; i < articles.Count; i++)
        {
            for (var j = i + 1; j < articles.Count; j++)
            {
                var (a, b) = (articles[i], articles[j]);
                var together = a.Story == b.Story;
                var grouped = storyOf[a.Article.Id] == storyOf[b.Article.Id];
                if (together && grouped)
                {
                    truePairs++;
                    continue;
                }
                if (together == grouped)
                {
                    continue;
                }
                if (grouped)
                {
                    wrong++;
                }
                else
                {
                    missed++;
                }
                mistakes.Add($"{(grouped ? "wrongly grouped" : "missed")}: [{a.Story}] {a.Article.Title} <> [{b.Story}] {b.Article.Title}");
            }
        }
        return new PairwiseScore(truePairs, wrong, missed, mistakes);
    }

    public override string ToString() =>
        $"precision {Precision:F3}, recall {Recall:F3}, F1 {F1:F3} ({TruePairs} right pairs, {WrongPairs} wrongly grouped, {MissedPairs} missed)";
}
