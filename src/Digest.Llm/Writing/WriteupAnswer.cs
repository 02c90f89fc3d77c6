using Digest.Llm.Chat;
using Digest.Llm.Scoring;

namespace Digest.Llm.Writing;

/// <summary>A write-up as the model gave it, checked for shape and sensible lengths.</summary>
internal sealed record WriteupAnswer(string Summary, string WhyRead, IReadOnlyList<string> Tags)
{
    public const int MinSummary = 60;
    public const int MaxSummary = 1_200;
    public const int MinWhyRead = 10;
    public const int MaxWhyRead = 300;

    /// <summary>Null unless summary and why_read have usable lengths. Missing tags are made up from the keywords.</summary>
    public static WriteupAnswer? Read(string content, IReadOnlyList<string> keywords)
    {
        using var document = JsonAnswer.Parse(content);
        if (document is null)
        {
            return null;
        }
        var root = document.RootElement;
        var summary = JsonAnswer.Text(root, "summary");
        var whyRead = JsonAnswer.Text(root, "why_read");
        if (summary is not { Length: >= MinSummary and <= MaxSummary } || whyRead is not { Length: >= MinWhyRead and <= MaxWhyRead })
        {
            return null;
        }
        var tags = root.TryGetProperty("tags", out var value) ? Keywords.Read(value) : [];
        // Lenient where it is safe: the scoring keywords are good tags when the model gave too few.
        tags.AddRange(keywords.Where(k => !tags.Contains(k)).Take(Math.Max(0, 2 - tags.Count)));
        return new WriteupAnswer(summary, whyRead, tags);
    }
}
