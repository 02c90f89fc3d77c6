using System.Globalization;
using System.Text;
using Digest.Core.Articles;
using Digest.Core.Delivery;
using Digest.Core.Editions;

namespace Digest.Core.Rendering;

/// <summary>
/// The edition as Markdown, in the shape of the daily sample (a weekly in the weekly's, by <see cref="BriefingMarkdown"/>):
/// for the CLI, files and the archive, and in one part for a channel that shows Markdown as it is (the console). Open
/// so such a channel can name its platform in its own type.
/// </summary>
public class MarkdownRenderer(string platform) : IEditionRenderer
{
    private const int ChartKeywords = 12;
    private const int BarKeywords = 10;

    public string Platform => platform;

    IReadOnlyList<MessagePart> IEditionRenderer.Render(Edition edition) => [new MessagePart(MessageFormat.Markdown, Render(edition))];

    public static string Render(Edition edition)
    {
        ArgumentNullException.ThrowIfNull(edition);
        if (edition.Briefing is not null)
        {
            return BriefingMarkdown.Render(edition);
        }
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# 📰 {EditionText.Title(edition)}\n\n");
        if (edition.AssessedOffline)
        {
            md.Append("> ").Append(EditionText.OfflineNote).Append("\n\n");
        }
        md.Append(CultureInfo.InvariantCulture, $"## 📝 {EditionText.HighlightsHeading(edition)}\n\n").Append(MarkdownText.Escape(edition.Highlights)).Append("\n\n---\n\n");

        if (edition.Items.Count == 0)
        {
            md.Append(EditionText.Empty).Append("\n\n---\n\n");
        }
        else
        {
            MustReads(md, edition);
            DataOverview(md, edition);
            Sections(md, edition);
        }
        Footer(md, edition);
        return md.ToString();
    }

    private static void MustReads(StringBuilder md, Edition edition)
    {
        if (!edition.MustReads.Any())
        {
            return;
        }
        md.Append("## 🏆 Must Read Today\n\n");
        foreach (var item in edition.MustReads)
        {
            md.Append(CultureInfo.InvariantCulture, $"### {ItemText.Medal(item.MustReadRank)} {MarkdownText.Escape(ItemText.Title(item))}\n\n");
            md.Append(CultureInfo.InvariantCulture, $"{Link(item)} — {Facts(ItemText.MustReadFacts(item, edition.GeneratedAt))}\n\n");
            md.Append("> ").Append(MarkdownText.Escape(item.Summary)).Append("\n\n");
            md.Append("💡 **Why read it:** ").Append(MarkdownText.Escape(item.WhyRead)).Append("\n\n");
            Tags(md, item);
        }
        md.Append("---\n\n");
    }

    private static void DataOverview(StringBuilder md, Edition edition)
    {
        var s = edition.Stats;
        md.Append("## 📊 Data Overview\n\n");
        md.Append("| Sources Scanned | Articles Fetched | Time Window | Selected |\n");
        md.Append("|:---:|:---:|:---:|:---:|\n");
        md.Append(CultureInfo.InvariantCulture, $"| {s.SourcesOk}/{s.SourcesTotal} | {s.ArticlesFetched} -> {s.ArticlesInWindow} | {ItemText.Window(s.Window)} | {EditionText.Selected(edition)} |\n\n");
        if (LlmCostText.Line(edition) is { } cost)
        {
            md.Append(MarkdownText.Escape(cost)).Append("\n\n");
        }

        md.Append("### Category Distribution\n\n```mermaid\npie showData\n    title \"Category Distribution\"\n");
        foreach (var c in s.Categories)
        {
            md.Append(CultureInfo.InvariantCulture, $"    \"{c.Category.EmojiLabel()}\" : {c.Count}\n");
        }
        md.Append("```\n\n");

        var chart = s.Keywords.Take(ChartKeywords).ToList();
        if (chart.Count > 0)
        {
            var labels = string.Join(", ", chart.Select(k => $"\"{MarkdownText.MermaidLabel(k.Keyword)}\""));
            var values = string.Join(", ", chart.Select(k => k.Count.ToString(CultureInfo.InvariantCulture)));
            md.Append("### Top Keywords\n\n```mermaid\nxychart-beta horizontal\n    title \"Top Keywords\"\n");
            md.Append(CultureInfo.InvariantCulture, $"    x-axis [{labels}]\n");
            md.Append(CultureInfo.InvariantCulture, $"    y-axis \"Mentions\" 0 --> {chart[0].Count + 2}\n");
            md.Append(CultureInfo.InvariantCulture, $"    bar [{values}]\n```\n\n");

            md.Append("### Plain Text Keyword Chart (Terminal Friendly)\n\n```\n");
            foreach (var line in KeywordBars.Lines(s.Keywords, BarKeywords))
            {
                md.Append(line.Replace("`", "'", StringComparison.Ordinal)).Append('\n');
            }
            md.Append("```\n\n");
        }
        Topics(md, edition);
        md.Append("---\n\n");
    }

    private static void Sections(StringBuilder md, Edition edition)
    {
        foreach (var section in ReadingOrder.Of(edition).GroupBy(n => n.Item.Category))
        {
            md.Append(CultureInfo.InvariantCulture, $"## {section.Key.EmojiLabel()}\n\n");
            foreach (var (number, item) in section)
            {
                md.Append(CultureInfo.InvariantCulture, $"### {number}. {MarkdownText.Escape(ItemText.Title(item))}\n\n");
                md.Append(CultureInfo.InvariantCulture, $"{Link(item)} — {Facts(ItemText.Facts(item, edition.GeneratedAt))}\n\n");
                md.Append("> ").Append(MarkdownText.Escape(item.Summary)).Append("\n\n");
                Tags(md, item);
            }
            md.Append("---\n\n");
        }
    }

    private static void Topics(StringBuilder md, Edition edition)
    {
        var topics = EditionTopics.Of(edition);
        if (topics.Count == 0)
        {
            return;
        }
        // Only the word is bold, not its count: the daily sample's look.
        md.Append("### 🏷️ Topic Tags\n\n");
        md.Append(string.Join(ItemText.Separator, topics.Select((t, i) =>
            i < EditionTopics.Leading
                ? $"**{MarkdownText.Escape(t.Keyword)}**({t.Count})"
                : MarkdownText.Escape(EditionTopics.Label(t)))));
        md.Append("\n\n");
    }

    private static void Footer(StringBuilder md, Edition edition) =>
        md.Append('*').Append(EditionText.Footer(edition)).Append("*\n");

    private static void Tags(StringBuilder md, EditionItem item)
    {
        if (item.Tags.Count > 0)
        {
            md.Append("🏷️ ").Append(MarkdownText.Escape(string.Join(", ", item.Tags))).Append("\n\n");
        }
    }

    private static string Link(EditionItem item) => $"[{MarkdownText.Escape(ItemText.LinkText(item))}]({MarkdownText.Url(item.Url)})";

    private static string Facts(IReadOnlyList<string> facts) => string.Join(ItemText.Separator, facts.Select(MarkdownText.Escape));
}
