using Digest.Core.Editions;

namespace Digest.Core.Weekly;

/// <summary>
/// One subscriber's weekly does not lead with a story their daily already led with that week: a reader who saw it as
/// the day's must-read #1 would open the week's briefing on old news. Unless that story has news since (an article of
/// it published after that daily went out), it changes places with the first "Also this week" story they were not led
/// with. Everything else, and every count, stays as the editor wrote it.
/// </summary>
public static class BigStorySwap
{
    /// <summary>
    /// The weekly edition as this subscriber should read it. <paramref name="leadStories"/>: the stories their dailies
    /// led with since the week began, each with when it was last sent.
    /// </summary>
    public static Edition For(Edition weekly, IReadOnlyDictionary<long, DateTimeOffset> leadStories)
    {
        ArgumentNullException.ThrowIfNull(weekly);
        ArgumentNullException.ThrowIfNull(leadStories);
        if (weekly.Briefing is not { } briefing || leadStories.Count == 0)
        {
            return weekly;
        }
        var items = weekly.Items.GroupBy(i => i.ArticleId).ToDictionary(g => g.Key, g => g.First());
        if (!items.TryGetValue(briefing.BigStory.ArticleId, out var big) || !WasLed(big.StoryId, leadStories, out var sentAt))
        {
            return weekly;
        }
        if (weekly.Items.Any(i => i.StoryId == big.StoryId && i.PublishedAt > sentAt))
        {
            return weekly;
        }
        var index = -1;
        for (var i = 0; i < briefing.AlsoThisWeek.Count; i++)
        {
            if (items.TryGetValue(briefing.AlsoThisWeek[i].ArticleId, out var candidate) && !WasLed(candidate.StoryId, leadStories, out _))
            {
                index = i;
                break;
            }
        }
        if (index < 0)
        {
            return weekly;
        }
        var promoted = briefing.AlsoThisWeek[index];
        var also = briefing.AlsoThisWeek.ToList();
        // "Also this week" entries carry only the "→" line; the big story's "what happened" is its item's summary.
        also[index] = new BriefingStory(briefing.BigStory.ArticleId, "", briefing.BigStory.WhyItMatters);
        var item = items[promoted.ArticleId];
        // An offline "→" line is the summary's own sentences: under that summary it would say the same twice.
        var why = item.Summary.StartsWith(promoted.WhyItMatters, StringComparison.Ordinal) && item.WhyRead.Length > 0
            ? item.WhyRead
            : promoted.WhyItMatters;
        var swapped = briefing with
        {
            BigStory = new BriefingStory(promoted.ArticleId, item.Summary, why),
            AlsoThisWeek = also,
        };
        return weekly with { Briefing = swapped };
    }

    // Story 0 is an article stored before stories were kept: it cannot be matched, so it was never led with.
    private static bool WasLed(long storyId, IReadOnlyDictionary<long, DateTimeOffset> leadStories, out DateTimeOffset sentAt)
    {
        sentAt = default;
        return storyId != 0 && leadStories.TryGetValue(storyId, out sentAt);
    }
}
