using Digest.Core.Articles;
using Digest.Core.Collecting;

namespace Digest.Core.Tests.Collecting;

public class StoryGrouperTests
{
    private static readonly DateTimeOffset Noon = new(2026, 4, 8, 12, 0, 0, TimeSpan.Zero);

    // The sentences every postmortem of one template shares; the times differ, as real incidents' do.
    private static string Postmortem(string from, string to, string rootCause) =>
        $"Summary: between {from} and {to} UTC, customers experienced elevated error rates and timeouts. Root cause: {rootCause} " +
        "We apologize for the disruption this caused and are committed to preventing it from happening again.";

    private static Article A(long id, string title, string text = "", string source = "s.example", double hours = 0, long? story = null) =>
        new(id, $"https://{source}/{id}", null, $"https://{source}/feed", source, title, text, Noon.AddHours(hours), Noon.AddHours(hours), story ?? id);

    [Fact]
    public void Reworded_titles_of_one_story_without_bodies_group()
    {
        var grouper = new StoryGrouper([A(1, "Google releases Gemini 3.1 Flash TTS model", source: "a.example")]);

        Assert.Equal(1, grouper.Assign(A(2, "Gemini 3.1 Flash TTS model released by Google", source: "b.example", hours: 5)));
    }

    [Fact]
    public void Reworded_title_with_a_partly_shared_body_joins_the_story()
    {
        var release = "Mistral AI has raised €2 billion in a funding round that values the Paris company at $14 billion. " +
            "Dutch chipmaking equipment maker ASML led the round with an investment of €1.3 billion. " +
            "Mistral said it would use the money to build data centers in France and to train larger models.";
        var retold = "The Paris-based model maker closed a big round this week. " +
            "Dutch chipmaking equipment maker ASML led the round with an investment of €1.3 billion. " +
            "The startup plans to spend the funds on French data centers and on training bigger models.";
        var grouper = new StoryGrouper([A(1, "Mistral raises €2 billion at a $14 billion valuation", release, "a.example")]);

        Assert.Equal(1, grouper.Assign(A(2, "French AI startup doubles its valuation, led by ASML", retold, "b.example", hours: 9)));
    }

    [Fact]
    public void A_republished_press_release_groups_whatever_its_headline()
    {
        var release = "Hugging Face has acquired Pollen Robotics, the Bordeaux company behind the Reachy 2 humanoid robot. " +
            "Hugging Face plans to sell Reachy 2 for about $70,000 and open-source its designs. The deal terms were not disclosed. " +
            "Pollen Robotics was founded in 2016 and employs about 30 people, who will all join Hugging Face.";
        var grouper = new StoryGrouper([A(1, "Hugging Face acquires Pollen Robotics", release, "a.example")]);

        Assert.Equal(1, grouper.Assign(A(2, "The open-source robot you can buy next year", release, "b.example", hours: 2)));
    }

    [Fact]
    public void The_Kafka_postmortem_stays_apart_from_postmortems_of_other_systems()
    {
        var grouper = new StoryGrouper(
        [
            A(1, "Postmortem: how a DNS outage took down our API", Postmortem("09:12", "12:20",
                "a change to our internal DNS zone removed the records for the payment gateway, and resolvers cached the empty answer."),
                "a.example"),
            A(2, "Postmortem: how a Redis failover took down checkout", Postmortem("17:40", "18:25",
                "during a planned Sentinel failover the cart service kept its pool of connections to the old primary."), "b.example"),
            A(3, "Postmortem: how an expired certificate took down login", Postmortem("06:05", "06:52",
                "the TLS certificate of the identity provider's internal endpoint had been issued by hand and expired."), "c.example"),
        ]);

        var kafka = A(4, "Postmortem: how a Kafka outage took down a search engine", Postmortem("14:02", "20:10",
            "a routine partition reassignment filled the disks of three Kafka brokers, so the indexers could not publish updates."),
            "d.example", hours: 3);

        Assert.Equal(4, grouper.Assign(kafka));
    }

    [Fact]
    public void Template_titles_about_different_systems_stay_apart_without_bodies()
    {
        var grouper = new StoryGrouper(
        [
            A(1, "Postmortem: how a DNS outage took down our API", source: "a.example"),
            A(2, "Postmortem: how a Redis outage took down checkout", source: "b.example"),
            A(3, "Postmortem: how a certificate outage took down login", source: "c.example"),
        ]);

        Assert.Equal(4, grouper.Assign(A(4, "Postmortem: how a Kafka outage took down a search engine", source: "d.example", hours: 3)));
    }

    [Theory]
    [InlineData("This Week in Rust 612", "This Week in Rust 613")]
    [InlineData("Release 1.2.0", "Release 1.3.0")]
    [InlineData("Weekly digest #41", "Weekly digest #42")]
    public void Issues_of_a_series_are_different_stories(string first, string second)
    {
        var boilerplate = "Hello and welcome to another issue! Thanks to all the contributors, and see you next week.";
        var grouper = new StoryGrouper([A(1, first, boilerplate + " This time: a crate for parsing.", "series.example")]);

        Assert.Equal(2, grouper.Assign(A(2, second, boilerplate + " This time: a crate for logging.", "series.example", hours: 20)));
    }

    [Fact]
    public void Show_HN_posts_about_different_products_stay_apart()
    {
        var grouper = new StoryGrouper([A(1, "Show HN: A tiny SQLite-backed job queue", source: "news.ycombinator.com")]);

        Assert.Equal(2, grouper.Assign(A(2, "Show HN: A tiny SQLite-backed notes app", source: "news.ycombinator.com", hours: 1)));
    }

    [Fact]
    public void Same_title_words_ten_days_apart_are_different_stories()
    {
        var grouper = new StoryGrouper([A(1, "Cloudflare outage takes down thousands of websites", source: "a.example")]);

        Assert.Equal(2, grouper.Assign(A(2, "Cloudflare outage takes down thousands of websites", source: "b.example", hours: 240)));
    }

    [Fact]
    public void A_match_with_an_earlier_article_gives_that_article_s_story_not_its_id()
    {
        var grouper = new StoryGrouper(
        [
            A(7, "Nvidia posts record $68 billion quarter", source: "a.example"),
            A(9, "Nvidia posts record $68 billion quarter on data center demand", source: "b.example", story: 7),
        ]);

        Assert.Equal(7, grouper.Assign(A(12, "Record $68 billion quarter for Nvidia on data center demand", source: "c.example", hours: 4)));
    }

    [Fact]
    public void Articles_of_one_batch_group_with_each_other()
    {
        var grouper = new StoryGrouper([]);

        Assert.Equal(5, grouper.Assign(A(5, "Nvidia supply chain moat explained in depth", source: "a.example")));
        Assert.Equal(5, grouper.Assign(A(6, "Nvidia supply chain moat, explained in depth", source: "b.example")));
    }

    [Fact]
    public void One_source_repeating_a_headline_with_a_different_body_is_a_new_story()
    {
        var grouper = new StoryGrouper([A(1, "Kubernetes security update", "Patch CVE-2026-1001 in the kubelet now.")]);

        Assert.Equal(2, grouper.Assign(A(2, "Kubernetes security update", "The API server leaks tokens in audit logs; upgrade to 1.35.2.", hours: 30)));
    }

    [Fact]
    public void The_order_of_the_earlier_articles_does_not_matter()
    {
        var articles = LabelledStories.Generate().Select(a => a.Article).ToList();
        var (earlier, later) = (articles.Take(articles.Count / 2).ToList(), articles.Skip(articles.Count / 2).ToList());
        var grouped = StoryGroupingQualityTests.GroupDayByDay(earlier).Select(kv => earlier.Single(a => a.Id == kv.Key) with { StoryId = kv.Value }).ToList();

        var inOrder = new StoryGrouper(grouped);
        var reversed = new StoryGrouper(Enumerable.Reverse(grouped));

        Assert.Equal(later.Select(inOrder.Assign).ToList(), later.Select(reversed.Assign).ToList());
    }
}
