using System.Globalization;
using System.Text;
using Digest.Core.Articles;
using Digest.Core.Editions;
using Digest.Core.Rendering;
using static Digest.Discord.Rendering.DiscordMarkdownText;

namespace Digest.Discord.Rendering;

/// <summary>
/// The edition as Discord Markdown blocks, in reading order; each block is where a message may end. A section's
/// heading travels with its first article so it is never left alone at a message's end.
/// </summary>
internal sealed class DiscordEditionBlocks : EditionLayout
{
    public static DiscordEditionBlocks Instance { get; } = new();

    private const int TopKeywords = 10;

    // Caps before escaping keep every title line and chart row far below a message, so only prose is ever cut.
    private const int MaxTitle = 300;
    private const int MaxKeyword = 32;

    protected override string Empty() => Escape(EditionText.Empty);

    /// <summary>The chart's caption: the title and the data overview in a few lines.</summary>
    public static string Caption(Edition edition)
    {
        var stats = edition.Stats;
        var sb = new StringBuilder();
        sb.Append("📰 **").Append(Escape(EditionText.Title(edition))).Append("**\n");
        sb.Append("📊 ").Append(Escape(CaptionFigures(stats)));
        if (stats.Categories.Count > 0)
        {
            sb.Append("\n🗂 ").Append(Escape(EditionText.Categories(stats)));
        }
        if (stats.Keywords.Count > 0)
        {
            sb.Append("\n🔑 ").Append(Escape(string.Join(", ", stats.Keywords.Take(TopKeywords).Select(k => Short(k.Keyword, MaxKeyword)))));
        }
        return sb.ToString();
    }

    protected override string Header(Edition edition)
    {
        var sb = new StringBuilder("# 📰 ").Append(Escape(EditionText.Title(edition)));
        if (!string.IsNullOrWhiteSpace(edition.Highlights))
        {
            sb.Append("\n## 📝 ").Append(Escape(EditionText.HighlightsHeading(edition))).Append('\n').Append(Escape(edition.Highlights.Trim()));
        }
        return sb.ToString();
    }

    protected override IEnumerable<string> MustReads(Edition edition)
    {
        var heading = "## 🏆 Must Read Today\n";
        foreach (var item in edition.MustReads)
        {
            var sb = new StringBuilder(heading);
            heading = string.Empty;
            sb.Append("### ").Append(ItemText.Medal(item.MustReadRank)).Append(' ').Append(TitleLink(item)).Append('\n');
            sb.Append(Facts(ItemText.MustReadFacts(item, edition.GeneratedAt)));
            AppendWhy(sb, item);
            yield return sb.ToString();
        }
    }

    // Discord shows pipe tables literally, so the overview is a list of lines.
    protected override string Overview(Edition edition)
    {
        var stats = edition.Stats;
        var sb = new StringBuilder("## 📊 Data Overview\n");
        sb.Append(Escape($"Sources: {stats.SourcesOk}/{stats.SourcesTotal} ok")).Append('\n');
        sb.Append(Escape($"Articles: {stats.ArticlesFetched} fetched → {stats.ArticlesInWindow} in window")).Append('\n');
        sb.Append(Escape($"Window: {ItemText.Window(stats.Window)}")).Append('\n');
        sb.Append(Escape($"Selected: {EditionText.Selected(edition)}"));
        if (stats.Categories.Count > 0)
        {
            sb.Append('\n').Append(Escape("By category: " + EditionText.Categories(stats)));
        }
        if (LlmCostText.Line(edition) is { } cost)
        {
            sb.Append('\n').Append(Escape(cost));
        }
        return sb.ToString();
    }

    // Discord renders code blocks monospaced, so the terminal chart of the daily sample lines up here too.
    protected override string? Keywords(EditionStats stats)
    {
        var shown = stats.Keywords.Take(TopKeywords).Select(k => new KeywordCount(Short(k.Keyword, MaxKeyword), k.Count)).ToList();
        if (shown.Count == 0)
        {
            return null;
        }
        var sb = new StringBuilder("### 🔑 Top Keywords\n```\n");
        foreach (var line in KeywordBars.Lines(shown, TopKeywords))
        {
            sb.Append(CodeLine(line)).Append('\n');
        }
        return sb.Append("```").ToString();
    }

    protected override string TopicsHeading() => "### 🏷️ Topic Tags\n";

    protected override string Plain(string text) => Escape(text);

    protected override string Emphasized(string text) => $"**{Escape(text)}**";

    protected override string SectionHeading(Category category) => $"## {category.Emoji()} {Escape(category.Label())}\n";

    protected override string Article(int number, EditionItem item, DateTimeOffset now)
    {
        var sb = new StringBuilder("### ");
        // Escaped so Discord shows "1." as the number we gave, not as a list it renumbers.
        sb.Append(number.ToString(CultureInfo.InvariantCulture)).Append("\\. ").Append(TitleLink(item)).Append('\n');
        sb.Append(Facts(ItemText.Facts(item, now)));
        if (!string.IsNullOrWhiteSpace(item.Summary))
        {
            sb.Append("\n> ").Append(Escape(item.Summary.Trim()));
        }
        AppendWhy(sb, item);
        var tags = item.Tags.Select(ItemText.OneLine).Where(t => t.Length > 0).ToList();
        if (tags.Count > 0)
        {
            sb.Append("\n🏷️ ").Append(Escape(string.Join(", ", tags)));
        }
        return sb.ToString();
    }

    private static void AppendWhy(StringBuilder sb, EditionItem item)
    {
        if (!string.IsNullOrWhiteSpace(item.WhyRead))
        {
            sb.Append("\n💡 **Why read it:** ").Append(Escape(ItemText.OneLine(item.WhyRead)));
        }
    }

    // Subtext ("-# ") is Discord's small print: the footer should not compete with the articles.
    protected override string Footer(Edition edition)
    {
        var footer = "-# " + Escape(EditionText.Footer(edition));
        return edition.AssessedOffline ? footer + "\n-# ⚠️ " + Escape(EditionText.OfflineNote) : footer;
    }

    private static string TitleLink(EditionItem item) => Link(Short(ItemText.Title(item), MaxTitle), item.Url);

    private static string Facts(IReadOnlyList<string> facts) => Escape(string.Join(ItemText.Separator, facts));

    private static string Short(string text, int max) => Shorten(ItemText.OneLine(text), max);
}
