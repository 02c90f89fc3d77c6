using System.Text.Json;
using Digest.Core.Weekly;
using Digest.Llm.Chat;

namespace Digest.Llm.Weekly;

/// <summary>
/// The model's weekly answer read into a draft, for shape only: which ids the material holds, which article each
/// section may tell and how long its text may run is the core's check (<see cref="BriefingCheck"/>), made the same
/// way whoever wrote. A section absent or misshapen is null, to be asked again; an entry misshapen is left out.
/// </summary>
internal static class BriefingAnswer
{
    /// <summary>Null only when the answer is not a JSON object at all; sections not asked stay null whatever it holds.</summary>
    public static BriefingDraft? Read(string content, IReadOnlyList<BriefingSection> asked, Func<long, string?> arxivOf)
    {
        using var document = JsonAnswer.Parse(content);
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        var root = document.RootElement;
        var wanted = asked.ToHashSet();
        T? Section<T>(BriefingSection section, Func<JsonElement, T?> read)
            where T : class =>
            wanted.Contains(section) && root.TryGetProperty(BriefingKeys.Of(section), out var value) ? read(value) : null;

        return new BriefingDraft(
            Section(BriefingSection.Thesis, Claim),
            Section(BriefingSection.WatchAndListen, v => Entries(v, e => Id(e) is { } id ? new BriefingEpisode(id) : null)),
            Section(BriefingSection.Takeaways, v => Entries(v, Claim)),
            Section(BriefingSection.BigStory, BigStory),
            Section(BriefingSection.AlsoThisWeek, v => Entries(v, e =>
                Id(e) is { } id && JsonAnswer.Text(e, "why_it_matters") is { } why ? new BriefingStory(id, string.Empty, why) : null)),
            Section(BriefingSection.FromTheLab, v => Entries(v, e =>
                Id(e) is { } id && JsonAnswer.Text(e, "analysis") is { } analysis ? new BriefingPaper(id, arxivOf(id), analysis) : null)),
            Section(BriefingSection.WorthReading, v => Entries(v, e =>
                Id(e) is { } id && JsonAnswer.Text(e, "note") is { } note ? new BriefingReading(id, note) : null)),
            Section(BriefingSection.Signal, Claim));
    }

    private static BriefingStory? BigStory(JsonElement value) =>
        Id(value) is { } id && JsonAnswer.Text(value, "what_happened") is { } what && JsonAnswer.Text(value, "why_it_matters") is { } why
            ? new BriefingStory(id, what, why)
            : null;

    /// <summary>A line and the ids it rests on; the ids that are not whole numbers are dropped, the claim kept.</summary>
    private static BriefingClaim? Claim(JsonElement value)
    {
        if (JsonAnswer.Text(value, "text") is not { } text
            || !value.TryGetProperty("ids", out var ids) || ids.ValueKind != JsonValueKind.Array)
        {
            return null;
        }
        var cited = ids.EnumerateArray()
            .Where(n => n.ValueKind == JsonValueKind.Number && n.TryGetInt64(out _))
            .Select(n => n.GetInt64())
            .Distinct()
            .ToList();
        return new BriefingClaim(text, cited);
    }

    private static List<T>? Entries<T>(JsonElement value, Func<JsonElement, T?> read)
        where T : class =>
        value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Object ? read(e) : null).OfType<T>().ToList()
            : null;

    private static long? Id(JsonElement entry) =>
        entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("id", out var id)
            && id.ValueKind == JsonValueKind.Number && id.TryGetInt64(out var value)
            ? value
            : null;
}
