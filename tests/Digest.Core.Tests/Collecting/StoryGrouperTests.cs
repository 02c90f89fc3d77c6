using Digest.Core.Articles;
using Digest.Core.Collecting;

namespace Digest.Core.Tests.Collecting;

public class StoryGrouperTests
{
    private static Article A(long id, string title) =>
        new(id, $"https://e.com/{id}", null, "f", "s", title, "", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, id);

    [Fact]
    public void Same_story_from_two_sources_joins_the_first_story()
    {
        var grouper = new StoryGrouper([A(1, "Google releases Gemini 3.1 Flash TTS model")]);
        Assert.Equal(1, grouper.Assign(A(2, "Gemini 3.1 Flash TTS model released by Google")));
    }

    [Fact]
    public void Different_stories_keep_their_own_id()
    {
        var grouper = new StoryGrouper([A(1, "Google releases Gemini 3.1 Flash TTS model")]);
        Assert.Equal(2, grouper.Assign(A(2, "SQLAlchemy 2 in practice: many-to-many relationships")));
    }

    [Fact]
    public void Articles_of_one_batch_group_with_each_other()
    {
        var grouper = new StoryGrouper([]);
        Assert.Equal(5, grouper.Assign(A(5, "Nvidia supply chain moat explained in depth")));
        Assert.Equal(5, grouper.Assign(A(6, "Nvidia supply chain moat, explained in depth")));
    }
}
