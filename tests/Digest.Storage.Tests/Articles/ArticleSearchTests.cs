using Digest.Storage.Articles;
using static Digest.Storage.Tests.Builders;

namespace Digest.Storage.Tests.Articles;

public sealed class ArticleSearchTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Search_finds_by_title_and_by_text()
    {
        await using var test = await TestDatabase.CreateAsync();
        var store = new SqliteArticleStore(test.Db);
        await store.AddNewAsync(
        [
            Article("https://a.example/title", title: "Kubernetes operators explained", text: "Nothing else here."),
            Article("https://a.example/text", title: "Weekly notes", text: "This week I wrote a Kubernetes controller."),
            Article("https://a.example/none", title: "Gardening", text: "Tomatoes."),
        ], Ct);

        var found = await store.SearchAsync("kubernetes", 10, Ct);

        // A title match ranks above a body match.
        Assert.Equal(["https://a.example/title", "https://a.example/text"], found.Select(a => a.CanonicalUrl));
    }

    [Theory]
    [InlineData("running", "How to run a marathon")]
    [InlineData("run", "Running large models locally")]
    [InlineData("compilers", "Writing a compiler")]
    public async Task Search_matches_other_forms_of_a_word(string query, string title)
    {
        await using var test = await TestDatabase.CreateAsync();
        var store = new SqliteArticleStore(test.Db);
        await store.AddNewAsync([Article("https://a.example/1", title: title, text: "")], Ct);

        Assert.Single(await store.SearchAsync(query, 10, Ct));
    }

    [Fact]
    public async Task Search_wants_every_word_first_and_any_word_when_none_has_all()
    {
        await using var test = await TestDatabase.CreateAsync();
        var store = new SqliteArticleStore(test.Db);
        await store.AddNewAsync(
        [
            Article("https://a.example/both", title: "Rust compiler internals"),
            Article("https://a.example/rust", title: "Rust in production"),
            Article("https://a.example/python", title: "Python packaging"),
        ], Ct);

        var all = await store.SearchAsync("rust compiler", 10, Ct);
        var any = await store.SearchAsync("rust python", 10, Ct);

        Assert.Equal(["https://a.example/both"], all.Select(a => a.CanonicalUrl));
        Assert.Equal(3, any.Count);
    }

    [Theory]
    [InlineData("\"rust")]
    [InlineData("rust*")]
    [InlineData("NEAR(rust")]
    [InlineData("rust AND OR NOT")]
    [InlineData("title:rust")]
    [InlineData("-rust ^rust {rust} (rust")]
    [InlineData("rust\" OR \"x")]
    public async Task Search_syntax_in_user_input_is_searched_as_words(string query)
    {
        await using var test = await TestDatabase.CreateAsync();
        var store = new SqliteArticleStore(test.Db);
        await store.AddNewAsync([Article("https://a.example/1", title: "Rust", text: "Rust is a language.")], Ct);

        var found = await store.SearchAsync(query, 10, Ct);

        Assert.Single(found);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("*** \"\" ()")]
    public async Task Search_without_words_finds_nothing(string query)
    {
        await using var test = await TestDatabase.CreateAsync();
        var store = new SqliteArticleStore(test.Db);
        await store.AddNewAsync([Article("https://a.example/1", title: "Rust")], Ct);

        Assert.Empty(await store.SearchAsync(query, 10, Ct));
    }

    [Fact]
    public async Task Search_returns_at_most_the_limit()
    {
        await using var test = await TestDatabase.CreateAsync();
        var store = new SqliteArticleStore(test.Db);
        await store.AddNewAsync(Enumerable.Range(0, 8).Select(i => Article($"https://a.example/{i}", title: "Rust news")).ToList(), Ct);

        Assert.Equal(3, (await store.SearchAsync("rust", 3, Ct)).Count);
    }

    [Fact]
    public async Task Updated_text_is_searchable_and_the_old_text_is_not()
    {
        await using var test = await TestDatabase.CreateAsync();
        var store = new SqliteArticleStore(test.Db);
        var added = await store.AddNewAsync([Article("https://a.example/1", title: "A post", text: "Short snippet about llamas.")], Ct);

        await store.UpdateFromPageAsync(added[0].Id, "The full page text talks about alpacas.", null, Ct);

        Assert.Empty(await store.SearchAsync("llamas", 10, Ct));
        Assert.Single(await store.SearchAsync("alpacas", 10, Ct));
        Assert.Equal("The full page text talks about alpacas.", (await store.GetByIdsAsync([added[0].Id], Ct)).Single().Text);
    }
}
