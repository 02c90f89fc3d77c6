using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Digest.Core.Articles;
using Digest.Core.Editions;

namespace Digest.Storage.Editions;

/// <summary>How an edition is written to its row: positional records through their constructors, enums as names.</summary>
internal static class EditionJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { StoredMembersOnly } },
        Converters = { new CategorySlugConverter(), new JsonStringEnumConverter() },
    };

    /// <summary>Where a stored edition lists its items (for json_each), spelled by the same naming policy that wrote it.</summary>
    public static string ItemsPath { get; } = "$." + Options.PropertyNamingPolicy!.ConvertName(nameof(Edition.Items));

    /// <summary>Where an item names its article (for json_extract over an item).</summary>
    public static string ArticleIdPath { get; } = "$." + Options.PropertyNamingPolicy!.ConvertName(nameof(EditionItem.ArticleId));

    public static string Serialize(Edition edition) => JsonSerializer.Serialize(edition, Options);

    public static Edition Deserialize(string json, long id) =>
        (JsonSerializer.Deserialize<Edition>(json, Options) ?? throw new JsonException("An edition row holds no edition."))
        with
        { Id = id };

    /// <summary>Computed members (Total, MustReads) have no setter: they are derived again on read, not stored.</summary>
    private static void StoredMembersOnly(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }
        foreach (var computed in info.Properties.Where(p => p.Set is null).ToList())
        {
            info.Properties.Remove(computed);
        }
    }

    /// <summary>Categories as their storage slugs (ai-ml, security, …), the same spelling every other table uses.</summary>
    private sealed class CategorySlugConverter : JsonConverter<Category>
    {
        public override Category Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Categories.TryParse(reader.GetString(), out var category) ? category : Category.Other;

        public override void Write(Utf8JsonWriter writer, Category value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Slug());
    }
}
