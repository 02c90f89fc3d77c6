using System.Text.Json.Nodes;
using Digest.Core.Articles;
using Digest.Core.Assessing;
using Digest.Core.Editions;
using Digest.Storage.Editions;
using static Digest.Storage.Tests.Builders;

namespace Digest.Storage.Tests.Editions;

public sealed class EditionStoreTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task An_edition_round_trips_with_every_field()
    {
        await using var test = await TestDatabase.CreateAsync();
        var store = new SqliteEditionStore(test.Db);
        var edition = FullEdition();

        var saved = await store.SaveAsync(edition, Ct);
        var read = await store.GetAsync(saved.Id, Ct);

        Assert.NotEqual(0, saved.Id);
        Assert.NotNull(read);
        AssertSameEdition(edition with { Id = saved.Id }, read);
    }

    [Fact]
    public void Stored_json_names_enums_by_name_and_leaves_out_computed_members()
    {
        var json = EditionJson.Serialize(FullEdition());

        // Names, not numbers: reordering an enum must not change what stored editions mean.
        Assert.Contains("\"category\":\"ai-ml\"", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"Weekly\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("mustReads", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"total\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void An_edition_stored_before_costs_were_kept_reads_as_not_counted()
    {
        var json = EditionJson.Serialize(FullEdition());
        var node = JsonNode.Parse(json)!;
        Assert.True(node["stats"]!.AsObject().Remove("llm"), "the stored stats carry the cost under \"llm\"");

        var read = EditionJson.Deserialize(node.ToJsonString(), 5);

        Assert.Equal(LlmCost.None, read.Stats.Llm);
        Assert.False(read.Stats.Llm.IsCounted);
        Assert.Equal(41, read.Stats.SourcesOk);
    }

    [Fact]
    public async Task Saving_the_same_kind_and_date_again_adds_an_edition_and_keeps_the_first_as_it_was()
    {
        await using var test = await TestDatabase.CreateAsync();
        var store = new SqliteEditionStore(test.Db);

        var first = await store.SaveAsync(Edition(highlights: "First take."), Ct);
        var second = await store.SaveAsync(Edition(highlights: "Second take.") with { GeneratedAt = Now.AddHours(1) }, Ct);
        var weekly = await store.SaveAsync(Edition(highlights: "Weekly.") with { Kind = EditionKind.Weekly }, Ct);

        Assert.Equal(3, new[] { first.Id, second.Id, weekly.Id }.Distinct().Count());
        // A delivery composed from the first keeps sending exactly the first.
        Assert.Equal("First take.", (await store.GetAsync(first.Id, Ct))?.Highlights);
        Assert.Equal("Second take.", (await store.GetAsync(second.Id, Ct))?.Highlights);
    }

    [Fact]
    public async Task The_latest_edition_of_a_kind_is_the_most_recently_composed()
    {
        await using var test = await TestDatabase.CreateAsync();
        var store = new SqliteEditionStore(test.Db);
        Assert.Null(await store.GetLatestAsync(EditionKind.Daily, Ct));

        await store.SaveAsync(Edition(new DateOnly(2025, 6, 3), "Tuesday morning") with { GeneratedAt = Now }, Ct);
        await store.SaveAsync(Edition(new DateOnly(2025, 6, 3), "Tuesday noon") with { GeneratedAt = Now.AddHours(4) }, Ct);
        // Saved last but composed first (a backfill): saving order does not make it the latest.
        await store.SaveAsync(Edition(new DateOnly(2025, 6, 1), "Sunday") with { GeneratedAt = Now.AddDays(-2) }, Ct);
        await store.SaveAsync(Edition(new DateOnly(2025, 6, 9), "Weekly") with { Kind = EditionKind.Weekly, GeneratedAt = Now.AddDays(-1) }, Ct);

        Assert.Equal("Tuesday noon", (await store.GetLatestAsync(EditionKind.Daily, Ct))?.Highlights);
        Assert.Equal("Weekly", (await store.GetLatestAsync(EditionKind.Weekly, Ct))?.Highlights);
        Assert.Null(await store.GetAsync(12345, Ct));
    }

    [Fact]
    public async Task Of_two_editions_composed_at_the_same_instant_the_later_saved_is_the_latest()
    {
        await using var test = await TestDatabase.CreateAsync();
        var store = new SqliteEditionStore(test.Db);

        await store.SaveAsync(Edition(highlights: "First"), Ct);
        var second = await store.SaveAsync(Edition(highlights: "Second"), Ct);

        Assert.Equal(second.Id, (await store.GetLatestAsync(EditionKind.Daily, Ct))?.Id);
    }

    private static Edition FullEdition() => new(
        0,
        EditionKind.Weekly,
        new DateOnly(2025, 6, 2),
        new DateTimeOffset(2025, 6, 2, 7, 30, 15, 123, TimeSpan.FromHours(2)),
        "de",
        AssessedOffline: true,
        "Highlights with \"quotes\", <tags> & emoji 🤖.",
        [
            new EditionItem(1, 11, "Title one", "https://a.example/1", "a.example", new DateTimeOffset(2025, 6, 1, 10, 0, 0, TimeSpan.Zero),
                Category.AiMl, 9, 8, 7, ["llm", "agents"], ["#ai"], "Summary one.", "Why one.", MustRead: true, MustReadRank: 1),
            new EditionItem(2, 12, "Title two", "https://b.example/2", "b.example", new DateTimeOffset(2025, 6, 1, 11, 0, 0, TimeSpan.FromHours(-5)),
                Category.Security, 5, 6, 4, [], ["#tls", "#cve"], "Summary two.", "", MustRead: false, MustReadRank: 0)
            {
                StoryId = 7,
                AlsoCoveredBy = ["c.example", "d.example"],
            },
        ],
        new EditionStats(41, 44, 530, 120, TimeSpan.FromHours(36.5), 2,
            [new CategoryCount(Category.AiMl, 1), new CategoryCount(Category.Security, 1)],
            [new KeywordCount("llm", 5), new KeywordCount("tls", 2)])
        {
            Llm = new LlmCost([new LlmPurposeUsage("highlights", 1, 900, 120), new LlmPurposeUsage("score", 3, 4200, 600)])
            {
                CountedUntil = new DateTimeOffset(2025, 6, 2, 7, 31, 2, 456, TimeSpan.FromHours(2)).AddTicks(7),
            },
        })
    {
        Reserve =
        [
            new EditionItem(3, 13, "Spare", "https://c.example/3", "c.example", new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.Zero),
                Category.Tools, 4, 4, 4, ["cli"], [], "Summary three.", "Why three.", MustRead: false, MustReadRank: 0)
            {
                StoryId = 13,
                IsUpdate = true,
            },
        ],
    };

    private static void AssertSameEdition(Edition expected, Edition actual)
    {
        Assert.Equal(expected with { Items = [], Reserve = [], Stats = EmptyStats }, actual with { Items = [], Reserve = [], Stats = EmptyStats });
        Assert.Equal(expected.GeneratedAt.Offset, actual.GeneratedAt.Offset);
        Assert.Equal(expected.Items.Count, actual.Items.Count);
        Assert.Equal(expected.Reserve.Count, actual.Reserve.Count);
        foreach (var (e, a) in expected.Items.Concat(expected.Reserve).Zip(actual.Items.Concat(actual.Reserve)))
        {
            Assert.Equal(e with { Keywords = [], Tags = [], AlsoCoveredBy = [] }, a with { Keywords = [], Tags = [], AlsoCoveredBy = [] });
            Assert.Equal(e.PublishedAt.Offset, a.PublishedAt.Offset);
            Assert.Equal(e.Keywords, a.Keywords);
            Assert.Equal(e.Tags, a.Tags);
            Assert.Equal(e.AlsoCoveredBy, a.AlsoCoveredBy);
        }
        Assert.Equal(expected.Stats with { Categories = [], Keywords = [] }, actual.Stats with { Categories = [], Keywords = [] });
        Assert.Equal(expected.Stats.Categories, actual.Stats.Categories);
        Assert.Equal(expected.Stats.Keywords, actual.Stats.Keywords);
    }
}
