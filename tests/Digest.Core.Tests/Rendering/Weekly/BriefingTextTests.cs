using Digest.Core.Rendering;
using Digest.Core.Weekly;
using Digest.TestKit.Editions;

namespace Digest.Core.Tests.Rendering.Weekly;

public sealed class BriefingTextTests
{
    [Theory]
    [InlineData(72, "1h 12m")]
    [InlineData(58, "58m")]
    [InlineData(120, "2h")]
    [InlineData(0.5, "1m")]
    [InlineData(61.9, "1h 1m")]
    public void An_episodes_length_reads_in_hours_and_minutes(double minutes, string shown) =>
        Assert.Equal(shown, BriefingText.Duration(TimeSpan.FromMinutes(minutes)));

    [Fact]
    public void A_week_across_new_year_names_both_years()
    {
        var briefing = new WeeklyEditionFixture().Build().Briefing! with { WeekStart = new DateOnly(2026, 12, 28), WeekEnd = new DateOnly(2027, 1, 3) };

        Assert.Equal("Dec 28, 2026 – Jan 3, 2027", BriefingText.Week(briefing));
    }

    [Fact]
    public void Dates_read_short_in_lists_and_long_for_the_big_story()
    {
        var at = new DateTimeOffset(2026, 4, 15, 23, 30, 0, TimeSpan.Zero);

        Assert.Equal("Apr 15", BriefingText.ShortDate(at));
        Assert.Equal("April 15, 2026", BriefingText.LongDate(at));
    }

    [Fact]
    public void A_briefing_written_wholly_offline_says_so_in_one_sentence()
    {
        var briefing = new WeeklyEditionFixture().WrittenOffline([.. BriefingRules.Every]).Build().Briefing!;

        Assert.Equal("Written offline (no LLM): every section is drawn from the articles' own summaries.", BriefingText.OfflineNote(briefing));
    }

    [Fact]
    public void An_episode_without_a_known_length_gives_where_it_plays_and_its_date_alone()
    {
        var episode = new WeeklyEditionFixture().Build().Items[0] with { Url = "https://www.latent.space/p/notion", Duration = null };

        Assert.Equal("latent.space, Nov 24", BriefingText.EpisodeFacts(episode));
    }

    [Fact]
    public void An_episode_without_a_usable_link_is_placed_by_its_show()
    {
        var episode = new WeeklyEditionFixture().Build().Items[0] with { Url = "not a link", Source = " Latent\nCast ", Duration = TimeSpan.FromMinutes(72) };

        Assert.Equal("Latent Cast, Nov 24 · 1h 12m", BriefingText.EpisodeFacts(episode));
    }
}
