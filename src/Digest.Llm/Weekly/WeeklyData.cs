using System.Globalization;
using System.Text.Json.Serialization;
using Digest.Core.Articles;
using Digest.Core.Editions;
using Digest.Core.Weekly;
using Digest.Llm.Chat;

namespace Digest.Llm.Weekly;

/// <summary>
/// The user message of a weekly call: the week's material as one data block, each item under the numeric id the
/// answer cites it by. Only the lists the asked sections may cite are sent, so a retry for one section costs little.
/// </summary>
internal static class WeeklyData
{
    /// <summary>The stored write-up's summary is already short; a few sentences of it are enough to write about.</summary>
    public const int SummaryLimit = 400;

    /// <summary>A list longer than any section could use would only add tokens.</summary>
    public const int MaxPerList = 30;

    private const int TitleLimit = 300;
    private const int WhyReadLimit = 200;

    public static string UserMessage(WeeklyMaterial material, IReadOnlyList<BriefingSection> asked)
    {
        var cites = asked.SelectMany(Cites).ToHashSet();
        var week = string.Create(CultureInfo.InvariantCulture, $"{material.WeekStart:yyyy-MM-dd} to {material.WeekEnd:yyyy-MM-dd}");
        return UntrustedData.One(
            $"Write the briefing for the week of {week} from this material.",
            new Material(
                List(cites.Contains(nameof(Material.Stories)), material.Stories),
                List(cites.Contains(nameof(Material.Coverage)), material.Coverage),
                List(cites.Contains(nameof(Material.Episodes)), material.Episodes),
                List(cites.Contains(nameof(Material.Papers)), material.Papers)));
    }

    /// <summary>The lists a section may cite from (the core's check says the same of the ids it keeps).</summary>
    private static IEnumerable<string> Cites(BriefingSection section) => section switch
    {
        BriefingSection.WatchAndListen => [nameof(Material.Episodes)],
        BriefingSection.BigStory or BriefingSection.AlsoThisWeek => [nameof(Material.Stories), nameof(Material.Papers)],
        BriefingSection.FromTheLab => [nameof(Material.Papers)],
        BriefingSection.WorthReading => [nameof(Material.Coverage), nameof(Material.Stories)],
        // Thesis, takeaways and signal sum up the week: anything may back them.
        _ => [nameof(Material.Stories), nameof(Material.Coverage), nameof(Material.Episodes), nameof(Material.Papers)],
    };

    private static List<Item>? List(bool wanted, IReadOnlyList<EditionItem> items) =>
        wanted && items.Count > 0 ? items.DistinctBy(i => i.ArticleId).Take(MaxPerList).Select(ItemOf).ToList() : null;

    private static Item ItemOf(EditionItem item) =>
        new(
            item.ArticleId,
            UntrustedData.Clip(item.Title, TitleLimit),
            item.Source,
            item.PublishedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            item.Category.Slug(),
            UntrustedData.Clip(item.Summary, SummaryLimit),
            string.IsNullOrWhiteSpace(item.WhyRead) ? null : UntrustedData.Clip(item.WhyRead, WhyReadLimit),
            item.AlsoCoveredBy.Count > 0 ? item.AlsoCoveredBy : null,
            item.Duration is { } length ? (int)Math.Round(length.TotalMinutes) : null,
            BriefingCheck.ArxivId(item.Url));

    private sealed record Material(
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Item>? Stories,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Item>? Coverage,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Item>? Episodes,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Item>? Papers);

    private sealed record Item(
        long Id,
        string Title,
        string Source,
        string Date,
        string Category,
        string Summary,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? WhyRead,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? AlsoCoveredBy,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? DurationMinutes,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Arxiv);
}
