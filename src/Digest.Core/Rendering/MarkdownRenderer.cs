using System.Globalization;
using System.Text;
using Digest.Core.Articles;
using Digest.Core.Editions;

namespace Digest.Core.Rendering;

/// <summary>The edition as Markdown, in the shape of the daily sample: for the CLI, files and the archive.</summary>
public static class MarkdownRenderer
{
    private const int ChartKeywords = 12;
    private const int BarKeywords = 10;
    private const int TagCount = 20;
    private const int BoldTags = 3;

    public static string Render(Edition edition)
    {
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# 📰 AI Daily Digest — {edition.Date:yyyy-MM-dd}\n\n");
        if (edition.AssessedOffline)
        {
            md.Append("> Assessed offline (no LLM): scores, categories and summaries come from built-in heuristics.\n\n");
        }
        md.Append("## 📝 Today's Highlights\n\n").Append(MarkdownText.Escape(edition.Highlights)).Append("\n\n---\n\n");

        if (edition.Items.Count == 0)
        {
            md.Append("No articles in this window.\n\n---\n\n");
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
            md.Append(CultureInfo.InvariantCulture, $"{Link(item)} — {MarkdownText.Escape(item.Source)} · {RelativeAge.Format(item.PublishedAt, edition.GeneratedAt)} · {item.Category.EmojiLabel()}{CoveredBy(item)}\n\n");
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
        md.Append(CultureInfo.InvariantCulture, $"| {s.SourcesOk}/{s.SourcesTotal} | {s.ArticlesFetched} -> {s.ArticlesInWindow} | {ItemText.Window(s.Window)} | {s.Selected} |\n\n");
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

            md.Append("### 🏷️ Topic Tags\n\n");
            md.Append(string.Join(" · ", s.Keywords.Take(TagCount).Select((k, i) =>
                i < BoldTags
                    ? $"**{MarkdownText.Escape(k.Keyword)}**({k.Count})"
                    : $"{MarkdownText.Escape(k.Keyword)}({k.Count})")));
            md.Append("\n\n");
        }
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
                md.Append(CultureInfo.InvariantCulture, $"{Link(item)} — {MarkdownText.Escape(item.Source)} · {RelativeAge.Format(item.PublishedAt, edition.GeneratedAt)} · ⭐ {item.Total}/30{CoveredBy(item)}\n\n");
                md.Append("> ").Append(MarkdownText.Escape(item.Summary)).Append("\n\n");
                Tags(md, item);
            }
            md.Append("---\n\n");
        }
    }

    private static void Footer(StringBuilder md, Edition edition)
    {
        var s = edition.Stats;
        md.Append(CultureInfo.InvariantCulture, $"*Generated at {edition.GeneratedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC | Scanned {s.SourcesOk} sources -> {s.ArticlesFetched} articles -> selected {s.Selected}*\n");
    }

    private static void Tags(StringBuilder md, EditionItem item)
    {
        if (item.Tags.Count > 0)
        {
            md.Append("🏷️ ").Append(MarkdownText.Escape(string.Join(", ", item.Tags))).Append("\n\n");
        }
    }

    private static string Link(EditionItem item) => $"[{MarkdownText.Escape(item.Title)}]({MarkdownText.Url(item.Url)})";

    private static string CoveredBy(EditionItem item) =>
        ItemText.CoveredBy(item) is { } covered ? " · " + MarkdownText.Escape(covered) : string.Empty;
}
