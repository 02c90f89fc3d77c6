using Digest.Core.Conversation.Asking;

namespace Digest.Core.Tests.Conversation.Asking;

public sealed class CitationsTests
{
    private static readonly HashSet<int> Retrieved = [1, 2];

    [Theory]
    [InlineData("A fact [1]. Another [9].", "A fact [1]. Another.", new[] { 1 })]
    [InlineData("Both say so [2, 9, 1].", "Both say so [2, 1].", new[] { 2, 1 })]
    [InlineData("Twice [1][2] and again [1].", "Twice [1][2] and again [1].", new[] { 1, 2 })]
    [InlineData("Only made up [7] [8].", "Only made up.", new int[0])]
    public void Only_citations_of_retrieved_sources_are_kept(string text, string kept, int[] cited)
    {
        var result = Citations.Keep(text, Retrieved);

        Assert.Equal(kept, result.Text);
        Assert.Equal(cited, result.Cited);
    }
}
