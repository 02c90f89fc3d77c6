using System.Text;
using Digest.Core.Collecting;
using Digest.Feeds.Parsing;

namespace Digest.Feeds.Tests.Parsing;

public sealed class PodcastMediaTests
{
    private static readonly Uri FeedUri = new("https://podcast.example/feed.xml");

    private static FetchedItem ParseOne(string xml) =>
        Assert.Single(FeedParser.Parse(Encoding.UTF8.GetBytes(xml), "application/rss+xml", null, FeedUri).Items);

    private static string Episode(string fields) =>
        "<rss version=\"2.0\" xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\"><channel><title>P</title>"
        + $"<item><title>Episode 1</title><link>https://podcast.example/1</link>{fields}</item></channel></rss>";

    [Fact]
    public void Rss_enclosure_and_itunes_duration_are_read()
    {
        var item = ParseOne(Episode(
            "<enclosure url=\"https://cdn.example/ep1.mp3\" type=\"audio/mpeg\" length=\"48213000\"/>"
            + "<itunes:duration>1:02:03</itunes:duration>"));

        Assert.Equal(new MediaEnclosure("https://cdn.example/ep1.mp3", "audio/mpeg", 48213000), item.Enclosure);
        Assert.Equal(TimeSpan.FromSeconds(3723), item.Duration);
        Assert.Equal("https://podcast.example/1", item.Url);
    }

    [Theory]
    [InlineData("45:10", 2710)]
    [InlineData("3600", 3600)]
    [InlineData("01:02:03", 3723)]
    [InlineData(" 90:00 ", 5400)]
    [InlineData("3723.5", 3723)]
    public void Durations_in_seconds_mm_ss_and_hh_mm_ss_parse(string text, int seconds)
    {
        var item = ParseOne(Episode($"<itunes:duration>{text}</itunes:duration>"));

        Assert.Equal(TimeSpan.FromSeconds(seconds), item.Duration);
    }

    [Theory]
    [InlineData("about an hour")]
    [InlineData("1:75:00")]
    [InlineData("1:2:3:4")]
    [InlineData("-60")]
    [InlineData("0")]
    [InlineData("")]
    [InlineData("99999999999999999999")]
    public void A_garbage_duration_is_null_and_the_item_is_still_read(string text)
    {
        var item = ParseOne(Episode($"<itunes:duration>{text}</itunes:duration>"));

        Assert.Null(item.Duration);
        Assert.Equal("Episode 1", item.Title);
    }

    [Fact]
    public void Non_media_enclosures_are_skipped_for_the_audio_one()
    {
        var item = ParseOne(Episode(
            "<enclosure url=\"https://cdn.example/notes.pdf\" type=\"application/pdf\" length=\"10\"/>"
            + "<enclosure url=\"https://cdn.example/ep1.m4a\" length=\"0\"/>"));

        Assert.Equal(new MediaEnclosure("https://cdn.example/ep1.m4a", null, null), item.Enclosure);
        Assert.Null(item.Duration);
    }

    [Fact]
    public void Atom_enclosure_link_is_read()
    {
        var item = ParseOne(
            "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>A</title><id>tag:podcast.example,2026:feed</id>"
            + "<entry><title>Show</title><id>tag:podcast.example,2026:1</id><link href=\"https://podcast.example/show\"/>"
            + "<link rel=\"enclosure\" type=\"video/mp4\" length=\"1234\" href=\"/media/show.mp4\"/></entry></feed>");

        Assert.Equal(new MediaEnclosure("https://podcast.example/media/show.mp4", "video/mp4", 1234), item.Enclosure);
    }

    [Fact]
    public void An_article_without_media_has_neither()
    {
        var item = ParseOne(Episode(string.Empty));

        Assert.Null(item.Enclosure);
        Assert.Null(item.Duration);
    }
}
