using System.Globalization;
using System.Text.Json.Nodes;
using Digest.Core.Weekly;
using Digest.Llm.Prompts;
using OpenAI.Chat;

namespace Digest.Llm.Weekly;

/// <summary>
/// The system prompt and the answer's schema for the sections asked, with every count and length taken from
/// <see cref="BriefingRules"/> at run time: the prompt files hold slots, never numbers that could drift from the
/// rules the core checks the answer against.
/// </summary>
internal static class WeeklyInstructions
{
    private static readonly IReadOnlyList<string> AllKeys = Enum.GetValues<BriefingSection>().Select(BriefingKeys.Of).ToList();

    /// <summary>The prompt with only the asked sections' lines (each begins "- key"), its slots filled.</summary>
    public static string SystemPrompt(IReadOnlyList<BriefingSection> asked, WeeklyMaterial material, string languageName)
    {
        var keys = asked.Select(BriefingKeys.Of).ToHashSet();
        var lines = Prompt.Weekly.For(languageName)
            .Split('\n')
            .Where(line => SectionOf(line) is not { } key || keys.Contains(key));
        var text = string.Join('\n', lines);
        foreach (var (slot, value) in Slots(material))
        {
            text = text.Replace(slot, value, StringComparison.Ordinal);
        }
        // A slot left unfilled would reach the model as "{{…}}": a broken prompt file, not an answer to hope for.
        return text.Contains("{{", StringComparison.Ordinal)
            ? throw new InvalidOperationException($"{Prompt.Weekly.Version} has a slot nothing fills.")
            : text;
    }

    /// <summary>The prompt's schema cut to the asked sections, all of them required, each list sized for this week.</summary>
    public static ChatResponseFormat ResponseFormat(IReadOnlyList<BriefingSection> asked, WeeklyMaterial material)
    {
        var every = JsonNode.Parse(Prompt.Weekly.Schema)!["properties"]!;
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var section in asked)
        {
            var key = BriefingKeys.Of(section);
            var property = every[key]!.DeepClone();
            if (BriefingKeys.IsList(section))
            {
                var (min, max) = BriefingRules.Count(section, material);
                property["minItems"] = min;
                property["maxItems"] = max;
            }
            properties[key] = property;
            required.Add(key);
        }
        var schema = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = required,
            ["additionalProperties"] = false,
        };
        return Prompt.Weekly.FormatFor(schema.ToJsonString());
    }

    private static string? SectionOf(string line) =>
        AllKeys.FirstOrDefault(key => line.StartsWith($"- {key}:", StringComparison.Ordinal) || line.StartsWith($"- {key} (", StringComparison.Ordinal));

    private static IEnumerable<(string Slot, string Value)> Slots(WeeklyMaterial material)
    {
        yield return ("{{thesis_chars}}", Number(BriefingRules.MaxThesisChars));
        yield return ("{{takeaway_chars}}", Number(BriefingRules.MaxTakeawayChars));
        yield return ("{{paragraph_chars}}", Number(BriefingRules.MaxParagraphChars));
        yield return ("{{sentence_chars}}", Number(BriefingRules.MaxSentenceChars));
        foreach (var section in Enum.GetValues<BriefingSection>().Where(BriefingKeys.IsList))
        {
            var (min, max) = BriefingRules.Count(section, material);
            yield return ($"{{{{{BriefingKeys.Of(section)}.count}}}}", min == max ? Number(max) : $"{Number(min)}-{Number(max)}");
        }
    }

    private static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
