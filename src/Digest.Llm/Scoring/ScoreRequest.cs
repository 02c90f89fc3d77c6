using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Digest.Core.Articles;
using Digest.Llm.Chat;
using Digest.Llm.Prompts;
using OpenAI.Chat;

namespace Digest.Llm.Scoring;

/// <summary>
/// The user message of a scoring call: per article its title, source and lede as delimited data. Title and opening
/// tell topic, kind and freshness; the rest of the text would multiply the tokens of every batch and is left to the
/// write-up, which gets it all.
/// </summary>
internal static class ScoreRequest
{
    /// <summary>Titles are a line; a feed that puts a paragraph there gets no more room than a long headline.</summary>
    public const int TitleLimit = 300;

    private static readonly int SchemaMaxItems = ItemList(JsonNode.Parse(Prompt.Score.Schema)!)["maxItems"]!.GetValue<int>();
    private static readonly ConcurrentDictionary<int, ChatResponseFormat> Widened = new();

    public static string UserMessage(IEnumerable<Article> articles) =>
        UntrustedData.Many(
            "Score each of these articles.",
            articles.Select(a => new Item(a.Id, UntrustedData.Clip(a.Title, TitleLimit), a.Source, Lede.Of(a.Text, a.Title))));

    /// <summary>
    /// The score schema, with room for an item per article: its maxItems is the default batch size, and a strict
    /// server would otherwise stop a larger configured batch short, leaving the rest to be asked again.
    /// </summary>
    public static ChatResponseFormat ResponseFormat(int articles) =>
        articles <= SchemaMaxItems ? Prompt.Score.ResponseFormat : Widened.GetOrAdd(articles, Widen);

    private static ChatResponseFormat Widen(int articles)
    {
        var schema = JsonNode.Parse(Prompt.Score.Schema)!;
        ItemList(schema)["maxItems"] = articles;
        return Prompt.Score.FormatFor(schema.ToJsonString());
    }

    private static JsonNode ItemList(JsonNode schema) => schema["properties"]!["items"]!;

    private sealed record Item(long Id, string Title, string Source, string Lede);
}
