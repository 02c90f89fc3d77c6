using System.Text;
using Digest.Feeds.Parsing;

namespace Digest.Feeds.Tests.Parsing;

public sealed class JsonFeedReaderTests
{
    private static readonly Uri FeedUri = new("https://json.example/feed.json");

    private static ParsedFeed Parse(string json, string? mediaType = "application/feed+json") =>
        FeedParser.Parse(Encoding.UTF8.GetBytes(json), mediaType, null, FeedUri);

    [Fact]
    public void Full_item_is_read_with_every_field()
    {
        var parsed = Parse("""
            {"version":"https://jsonfeed.org/version/1.1","title":"J","items":[
              {"id":"1","url":"https://json.example/1","title":"Tom &amp; Jerry","content_html":"<p>Hi</p>",
               "date_published":"2024-05-06T07:08:09+05:30","authors":[{"name":"A"},{"name":"B"}]}]}
            """);

        var item = Assert.Single(parsed.Items);
        Assert.Equal("1", item.Guid);
        Assert.Equal("https://json.example/1", item.Url);
        Assert.Equal("Tom & Jerry", item.Title);
        Assert.Equal("Hi", item.Text);
        Assert.Equal(new DateTimeOffset(2024, 5, 6, 7, 8, 9, new TimeSpan(5, 30, 0)), item.PublishedAt);
        Assert.Equal(TimeSpan.FromMinutes(330), item.PublishedAt!.Value.Offset);
        Assert.Equal("A, B", item.Author);
    }

    [Fact]
    public void Missing_fields_fall_back_or_stay_empty()
    {
        var parsed = Parse("""
            {"version":"https://jsonfeed.org/version/1","author":{"name":"Feed Author"},"items":[
              {"id":42,"url":"/posts/42","content_text":"Plain text only"},
              {"id":"https://json.example/by-id","summary":"Summary"},
              {"external_url":"https://elsewhere.example/x","title":"External"},
              {"title":"No link anywhere"},
              "not an object"]}
            """);

        Assert.Equal(3, parsed.Items.Count);
        Assert.Equal(1, parsed.Skipped);
        var first = parsed.Items[0];
        Assert.Equal("42", first.Guid);
        Assert.Equal("https://json.example/posts/42", first.Url);
        Assert.Equal("Plain text only", first.Title);
        Assert.Null(first.PublishedAt);
        Assert.Equal("Feed Author", first.Author);
        Assert.Equal("https://json.example/by-id", parsed.Items[1].Url);
        Assert.Equal("Summary", parsed.Items[1].Text);
        Assert.Equal("https://elsewhere.example/x", parsed.Items[2].Url);
        Assert.Null(parsed.Items[2].Guid);
    }

    [Fact]
    public void Json_is_recognised_by_its_first_character_whatever_the_content_type()
    {
        var parsed = Parse("""{"items":[{"url":"https://json.example/a","title":"A"}]}""", "text/plain");

        Assert.Equal("A", Assert.Single(parsed.Items).Title);
    }

    [Theory]
    [InlineData("""{"items":[{"url":"https://json.example/a",""", "invalid JSON")]
    [InlineData("""{"version":"https://jsonfeed.org/version/1.1","title":"no items"}""", "no \"items\" array")]
    [InlineData("""["items"]""", "no \"items\" array")]
    public void Unusable_json_fails_with_a_reason(string json, string expected)
    {
        var parsed = Parse(json);

        Assert.False(parsed.Succeeded);
        Assert.Contains(expected, parsed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Items_none_of_which_has_a_link_are_skipped_and_counted_and_the_feed_is_read()
    {
        var parsed = Parse("""{"items":[{"title":"A"},{"id":"not-a-url","title":"B"},{"url":"javascript:alert(1)","title":"C"}]}""");

        Assert.True(parsed.Succeeded, parsed.Error);
        Assert.Empty(parsed.Items);
        Assert.Equal(3, parsed.Skipped);
    }

    [Fact]
    public void Date_modified_stands_in_for_a_missing_or_unreadable_date_published()
    {
        var parsed = Parse("""
            {"items":[
              {"url":"https://json.example/m","date_modified":"2024-05-06T07:08:09Z"},
              {"url":"https://json.example/u","date_published":"someday","date_modified":"2024-05-07T07:08:09-04:00"},
              {"url":"https://json.example/n","date_published":"someday"}]}
            """);

        Assert.Equal(new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero), parsed.Items[0].PublishedAt);
        Assert.Equal(new DateTimeOffset(2024, 5, 7, 7, 8, 9, TimeSpan.FromHours(-4)), parsed.Items[1].PublishedAt);
        Assert.Null(parsed.Items[2].PublishedAt);
    }

    [Fact]
    public void An_unusable_url_falls_back_to_external_url_then_to_an_http_id()
    {
        var parsed = Parse("""
            {"items":[
              {"url":"javascript:void(0)","external_url":"https://elsewhere.example/e","id":"https://json.example/id-e"},
              {"url":"mailto:a@b.example","id":"https://json.example/id-only"}]}
            """);

        Assert.Equal(["https://elsewhere.example/e", "https://json.example/id-only"], parsed.Items.Select(i => i.Url));
    }
}
