using System.Globalization;
using Digest.Core.Collecting;
using Xunit.Abstractions;

namespace Digest.Feeds.Tests.RealWorld;

/// <summary>Feeds shaped like what WordPress, Blogger, Substack, Hugo, Jekyll, Ghost, Medium and YouTube emit, read over the wire.</summary>
public sealed class RealWorldFeedTests(FeedsFixture feeds, ITestOutputHelper output) : IClassFixture<FeedsFixture>
{
    private const double KeptAtLeast = 0.95;

    public static TheoryData<string> Fixtures => new(RealWorldFixtures.All.Select(f => f.File));

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Each_fixture_is_read_with_its_expected_links_and_dates(string file)
    {
        var fixture = RealWorldFixtures.Named(file);

        var result = await FetchAsync(fixture);

        Assert.True(result.Status == FeedFetchStatus.Ok, $"{file}: {result.Status} {result.Error}");
        Assert.Equal(fixture.Entries, result.Items.Count + result.Skipped);
        foreach (var expected in fixture.Expected)
        {
            var item = result.Items.FirstOrDefault(i => i.Url == expected.Url);
            Assert.True(item is not null, $"{file}: no item links to {expected.Url}; links were {string.Join(", ", result.Items.Select(i => i.Url))}");
            if (expected.PublishedAt is null)
            {
                Assert.Null(item.PublishedAt);
                continue;
            }
            var date = DateTimeOffset.Parse(expected.PublishedAt, CultureInfo.InvariantCulture);
            Assert.Equal(date, item.PublishedAt);
            Assert.Equal(date.Offset, item.PublishedAt!.Value.Offset);
        }
        Assert.All(result.Items, i => Assert.False(string.IsNullOrWhiteSpace(i.Title), $"{file}: {i.Url} has no title"));
    }

    [Fact]
    public async Task Every_fixture_is_read_and_nearly_every_linked_entry_is_kept()
    {
        var read = 0;
        var kept = 0;
        foreach (var fixture in RealWorldFixtures.All)
        {
            var result = await FetchAsync(fixture);
            if (result.Status == FeedFetchStatus.Ok)
            {
                read++;
                kept += result.Items.Count;
            }
            else
            {
                output.WriteLine($"{fixture.File}: {result.Error}");
            }
        }
        var linked = RealWorldFixtures.All.Sum(f => f.Linked);

        output.WriteLine($"feeds read {read}/{RealWorldFixtures.All.Count}, entries kept {kept}/{linked}");
        Assert.Equal(RealWorldFixtures.All.Count, read);
        Assert.True(kept >= KeptAtLeast * linked, $"kept {kept} of {linked} linked entries");
    }

    private Task<FeedFetchResult> FetchAsync(FeedFixture fixture)
    {
        var url = feeds.Server.PublishRaw("/realworld/" + fixture.File, RealWorldFixtures.Load(fixture.File), fixture.ContentType);
        return feeds.FetchAsync(url);
    }
}
