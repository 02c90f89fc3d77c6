using Digest.Core.Conversation.Asking;

namespace Digest.Core.Tests.Conversation.Asking;

public sealed class ExcerptTests
{
    [Fact]
    public void The_excerpt_holds_the_matching_sentence_with_its_neighbours_and_marks_the_gaps()
    {
        var text = string.Join(' ', Enumerable.Range(1, 20).Select(i => i == 10 ? "The Rust compiler got faster." : $"Filler sentence number {i} here."));

        var excerpt = Excerpt.Around(text, new QuestionWords("rust compiler"), 100);

        Assert.Equal("… Filler sentence number 9 here. The Rust compiler got faster. Filler sentence number 11 here. …", excerpt);
        Assert.True(excerpt.Length <= 100);
    }

    [Fact]
    public void Excerpts_stay_within_the_limit()
    {
        var text = string.Join('\n', Enumerable.Range(1, 400).Select(i => $"Rust compiler fact {i} is here."));

        var excerpt = Excerpt.Around(text, new QuestionWords("rust compiler"), Retrieval.MaxExcerpt);

        Assert.InRange(excerpt.Length, 1_000, Retrieval.MaxExcerpt);
    }

    [Fact]
    public void Distant_matches_are_joined_with_a_marked_gap_on_a_line_of_its_own()
    {
        var text = string.Join(' ', Enumerable.Range(1, 9).Select(i => i is 2 or 8 ? $"Rust compiler fact {i}." : $"Filler number {i} here."));

        var excerpt = Excerpt.Around(text, new QuestionWords("rust compiler"), 120);

        Assert.Equal("Filler number 1 here. Rust compiler fact 2. Filler number 3 here.\n… Rust compiler fact 8. …", excerpt);
    }

    [Fact]
    public void Without_a_match_the_excerpt_is_the_opening()
    {
        var excerpt = Excerpt.Around("First one here. Second one here. Third one here.", new QuestionWords("kernel"), 40);

        Assert.Equal("First one here. Second one here. …", excerpt);
    }
}
