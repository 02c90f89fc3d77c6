using Digest.Core.Articles;
using Digest.Core.Assessing;
using Microsoft.Extensions.Time.Testing;

namespace Digest.Core.Tests.Assessing;

public class OfflineAssessorTests
{
    private static readonly DateTimeOffset Now = new(2026, 4, 16, 12, 0, 0, TimeSpan.Zero);

    private static Article A(long id, string title, string text, double hoursAgo = 2) =>
        new(id, $"https://e.com/{id}", null, "f", "e.com", title, text, Now.AddHours(-hoursAgo), Now, id);

    private static readonly Article Llm = A(1, "Training an LLM locally with gradient accumulation",
        "We train a GPT-2 style model on a single GPU. Gradient accumulation lets the model see larger batches. " +
        "Training is slower but the model converges. The LLM reaches a lower loss after the change. Inference is unchanged.");

    private static readonly Article Cve = A(2, "A new ransomware exploit hits unpatched servers",
        "Attackers use a zero-day vulnerability to deploy ransomware. The CVE affects the authentication layer. " +
        "Patch now, because the exploit is public and the attack is spreading fast across the internet.", hoursAgo: 40);

    [Fact]
    public async Task Categories_come_from_the_lexicons()
    {
        var scored = await new OfflineAssessor(new FakeTimeProvider(Now)).ScoreAsync([Llm, Cve], default);
        Assert.Equal(Category.AiMl, scored[0].Category);
        Assert.Equal(Category.Security, scored[1].Category);
    }

    [Fact]
    public async Task Scores_are_in_range_recency_counts_and_results_repeat()
    {
        var assessor = new OfflineAssessor(new FakeTimeProvider(Now));
        var first = await assessor.ScoreAsync([Llm, Cve], default);
        var second = await assessor.ScoreAsync([Llm, Cve], default);

        Assert.All(first, a => Assert.InRange(a.Relevance, 1, 10));
        Assert.All(first, a => Assert.InRange(a.Quality, 1, 10));
        Assert.True(first[0].Timeliness > first[1].Timeliness);
        Assert.Equal(first.Select(a => (a.Total, string.Join(",", a.Keywords))), second.Select(a => (a.Total, string.Join(",", a.Keywords))));
        Assert.All(first, a => Assert.InRange(a.Keywords.Count, 2, 4));
        Assert.Equal("offline", first[0].ModelId);
    }

    [Fact]
    public async Task Summary_is_taken_from_the_articles_own_sentences()
    {
        var assessor = new OfflineAssessor(new FakeTimeProvider(Now));
        var scored = (await assessor.ScoreAsync([Llm], default))[0];
        var writeup = await assessor.WriteUpAsync(Llm, scored, "en", default);

        Assert.NotEmpty(writeup.Summary);
        Assert.All(writeup.Summary.Split(". ", StringSplitOptions.RemoveEmptyEntries), s => Assert.Contains(s.TrimEnd('.'), Llm.Text, StringComparison.Ordinal));
        Assert.False(string.IsNullOrWhiteSpace(writeup.WhyRead));
    }
}
