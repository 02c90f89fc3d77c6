using Digest.Core.Articles;
using Digest.Core.Assessing;
using Digest.Storage.Articles;
using Digest.Storage.Assessing;
using static Digest.Storage.Tests.Builders;

namespace Digest.Storage.Tests.Assessing;

public sealed class AssessmentStoreTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Saving_an_existing_key_keeps_the_first_assessment()
    {
        await using var test = await TestDatabase.CreateAsync();
        var ids = await ArticlesAsync(test.Db, 1);
        var store = new SqliteAssessmentStore(test.Db);
        var first = Assess(ids[0], "gpt", "v1", relevance: 9, at: Now);

        await store.SaveAsync([first], Ct);
        await store.SaveAsync([first with { Relevance = 1, Keywords = ["changed"], AssessedAt = Now.AddHours(1) }], Ct);

        var stored = (await store.GetAsync(ids, "gpt", Ct))[ids[0]];
        Assert.Equal(first with { Keywords = [] }, stored with { Keywords = [] });
        Assert.Equal(first.Keywords, stored.Keywords);
    }

    [Fact]
    public async Task Unassessed_ids_are_those_without_this_model_and_prompt_version_even_for_thousands_of_ids()
    {
        await using var test = await TestDatabase.CreateAsync();
        var ids = await ArticlesAsync(test.Db, 2500);
        var store = new SqliteAssessmentStore(test.Db);
        await store.SaveAsync(ids.Where(id => id % 2 == 0).Select(id => Assess(id, "gpt", "v1")).ToList(), Ct);
        await store.SaveAsync(ids.Where(id => id % 2 == 1).Select(id => Assess(id, "gpt", "v0")).ToList(), Ct);

        var unassessed = await store.GetUnassessedAsync(ids, "gpt", "v1", Ct);

        Assert.Equal(ids.Where(id => id % 2 == 1), unassessed);
        Assert.Equal(2500, (await store.GetAsync(ids, "gpt", Ct)).Count);
    }

    [Fact]
    public async Task The_preferred_model_wins_else_the_newest_assessment()
    {
        await using var test = await TestDatabase.CreateAsync();
        var ids = await ArticlesAsync(test.Db, 3);
        var store = new SqliteAssessmentStore(test.Db);
        await store.SaveAsync(
        [
            Assess(ids[0], "offline", "v1", at: Now.AddHours(1)),
            Assess(ids[0], "gpt", "v1", at: Now),
            Assess(ids[1], "offline", "v1", at: Now),
            Assess(ids[1], "claude", "v1", at: Now.AddHours(1)),
        ], Ct);

        var found = await store.GetAsync(ids, "gpt", Ct);

        Assert.Equal("gpt", found[ids[0]].ModelId);
        Assert.Equal("claude", found[ids[1]].ModelId);
        Assert.False(found.ContainsKey(ids[2]));
    }

    [Fact]
    public async Task Writeups_are_kept_per_language_and_never_overwritten()
    {
        await using var test = await TestDatabase.CreateAsync();
        var ids = await ArticlesAsync(test.Db, 1);
        var store = new SqliteAssessmentStore(test.Db);
        var english = new Writeup(ids[0], "Summary.", "Because.", ["rust", "compilers"], "en", "gpt", "w1");

        await store.SaveWriteupAsync(english, Ct);
        await store.SaveWriteupAsync(english with { Summary = "Other." }, Ct);
        await store.SaveWriteupAsync(english with { Language = "de", Summary = "Zusammenfassung." }, Ct);

        var read = await store.GetWriteupAsync(ids[0], "gpt", "w1", "en", Ct);
        Assert.NotNull(read);
        Assert.Equal(english with { Tags = [] }, read with { Tags = [] });
        Assert.Equal(english.Tags, read.Tags);
        Assert.Equal("Zusammenfassung.", (await store.GetWriteupAsync(ids[0], "gpt", "w1", "de", Ct))?.Summary);
        Assert.Null(await store.GetWriteupAsync(ids[0], "gpt", "w2", "en", Ct));
    }

    [Fact]
    public async Task Usage_totals_add_up_every_call()
    {
        await using var test = await TestDatabase.CreateAsync();
        var log = new SqliteLlmUsageLog(test.Db);

        await log.RecordAsync(new LlmUsage("gpt", "score", 1000, 200, true, Now), Ct);
        await log.RecordAsync(new LlmUsage("gpt", "writeup", 3000, 800, false, Now), Ct);

        Assert.Equal(new LlmUsageTotals(2, 4000, 1000), await log.GetTotalsAsync(Ct));
    }

    private static Assessment Assess(long articleId, string model, string prompt, int relevance = 5, DateTimeOffset? at = null) =>
        new(articleId, relevance, 6, 7, Category.Security, ["tls", "openssl"], model, prompt, at ?? Now);

    private static async Task<List<long>> ArticlesAsync(SqliteDatabase db, int count)
    {
        var added = await new SqliteArticleStore(db).AddNewAsync(
            Enumerable.Range(0, count).Select(i => Article($"https://a.example/{i}")).ToList(), Ct);
        return added.Select(a => a.Id).ToList();
    }
}
