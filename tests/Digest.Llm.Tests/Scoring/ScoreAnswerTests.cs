using Digest.Core.Articles;
using Digest.Llm.Scoring;

namespace Digest.Llm.Tests.Scoring;

public sealed class ScoreAnswerTests
{
    private static readonly HashSet<long> Ids = [1, 2];

    private static string Item(long id = 1, string relevance = "5", string category = "\"tools\"", string keywords = "[\"rust\", \"cargo\"]") =>
        $$"""{"id":{{id}},"relevance":{{relevance}},"quality":6,"timeliness":7,"category":{{category}},"keywords":{{keywords}}}""";

    [Fact]
    public void A_valid_item_is_read_with_its_category()
    {
        var item = Assert.Single(ScoreAnswer.Read($$"""{"items":[{{Item()}}]}""", Ids)!);

        Assert.Equal(new ScoredItem(1, 5, 6, 7, Category.Tools, item.Keywords), item);
        Assert.Equal(["rust", "cargo"], item.Keywords);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("11")]
    [InlineData("7.5")]
    [InlineData("\"7\"")]
    [InlineData("null")]
    public void A_score_that_is_not_an_integer_from_1_to_10_drops_the_item(string relevance) =>
        Assert.Empty(ScoreAnswer.Read($$"""{"items":[{{Item(relevance: relevance)}}]}""", Ids)!);

    [Theory]
    [InlineData("\"gaming\"")]
    [InlineData("\"\"")]
    [InlineData("3")]
    public void A_category_outside_the_list_drops_the_item(string category) =>
        Assert.Empty(ScoreAnswer.Read($$"""{"items":[{{Item(category: category)}}]}""", Ids)!);

    [Fact]
    public void An_id_outside_the_batch_is_ignored_and_a_repeated_id_counts_once()
    {
        var items = ScoreAnswer.Read($$"""{"items":[{{Item(id: 99)}},{{Item(id: 2)}},{{Item(id: 2, relevance: "9")}}]}""", Ids)!;

        var item = Assert.Single(items);
        Assert.Equal((2L, 5), (item.Id, item.Relevance));
    }

    [Fact]
    public void Keywords_are_trimmed_lower_cased_deduplicated_and_capped_at_four()
    {
        var keywords = """["  Large   Language Models ", "GPU", "gpu", "", "x", "y", "z"]""";

        var item = Assert.Single(ScoreAnswer.Read($$"""{"items":[{{Item(keywords: keywords)}}]}""", Ids)!);

        Assert.Equal(["large language models", "gpu", "x", "y"], item.Keywords);
    }

    [Theory]
    [InlineData("[\"only-one\"]")]
    [InlineData("[\"only-one\", \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"]")]
    [InlineData("[\"only-one\", 5]")]
    [InlineData("[\"only-one\", \" ONLY-one \", \"\"]")]
    public void One_usable_keyword_is_enough_to_keep_the_item(string keywords)
    {
        var item = Assert.Single(ScoreAnswer.Read($$"""{"items":[{{Item(keywords: keywords)}}]}""", Ids)!);

        Assert.Equal(["only-one"], item.Keywords);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("[\"\", \"  \"]")]
    [InlineData("[5, null]")]
    [InlineData("\"ok, fine\"")]
    public void No_usable_keyword_drops_the_item(string keywords) =>
        Assert.Empty(ScoreAnswer.Read($$"""{"items":[{{Item(keywords: keywords)}}]}""", Ids)!);

    [Fact]
    public void A_bare_array_or_a_fenced_answer_is_read_too()
    {
        Assert.Single(ScoreAnswer.Read($"[{Item()}]", Ids)!);
        Assert.Single(ScoreAnswer.Read($"```json\n{{\"items\":[{Item()}]}}\n```", Ids)!);
    }

    [Theory]
    [InlineData("Here are the scores!")]
    [InlineData("{\"items\": 3}")]
    [InlineData("{\"items\": [")]
    [InlineData("")]
    public void An_answer_that_is_not_the_expected_json_is_null(string content) =>
        Assert.Null(ScoreAnswer.Read(content, Ids));
}
