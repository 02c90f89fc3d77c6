using System.Globalization;
using System.Text;
using Digest.Core.Articles;
using Digest.Core.Editions;
using Digest.Core.Rendering;
using static Digest.Telegram.Rendering.TelegramHtmlText;

namespace Digest.Telegram.Rendering;

/// <summary>
/// The edition as Telegram HTML blocks, in reading order. Each block is balanced on its own and is where a
/// message may end; a section's heading travels with its first article so it is never left alone at a message's end.
/// </summary>
internal sealed class TelegramEditionBlocks : EditionLayout
{
    public static TelegramEditionBlocks Instance { get; } = new();

    private const int TopKeywords = 10;

    protected override string Empty() => Escape(EditionText.Empty);

    /// <summary>The photo's caption: the title and the data overview in a few lines.</summary>
    public static string Caption(Edition edition)
    {
        var stats = edition.Stats;
        var sb = new StringBuilder();
        sb.Append("📰 <b>").Append(Escape(EditionText.Title(edition))).Append("</b>\n");
        sb.Append("📊 ").Append(Escape(CaptionFigures(stats)));
        if (stats.Categories.Count > 0)
        {
            sb.Append("\n🗂 ").Append(Escape(string.Join(" · ", stats.Categories.Select(c => $"{c.Category.Label()} {c.Count}"))));
        }
        if (stats.Keywords.Count > 0)
        {
            sb.Append("\n🔑 ").Append(Escape(string.Join(", ", stats.Keywords.Take(TopKeywords).Select(k => ItemText.OneLine(k.Keyword)))));
        }
        return sb.ToString();
    }

    protected override string Header(Edition edition)
    {
        var sb = new StringBuilder().Append("📰 <b>").Append(Escape(EditionText.Title(edition))).Append("</b>");
        if (!string.IsNullOrWhiteSpace(edition.Highlights))
        {
            sb.Append("\n\n📌 <b>").Append(Escape(EditionText.HighlightsHeading(edition))).Append("</b>\n").Append(Escape(edition.Highlights.Trim()));
        }
        return sb.ToString();
    }

    protected override IEnumerable<string> MustReads(Edition edition)
    {
        var heading = "🏆 <b>Must read</b>\n";
        foreach (var item in edition.MustReads)
        {
            var sb = new StringBuilder(heading);
            heading = string.Empty;
            sb.Append(ItemText.Medal(item.MustReadRank)).Append(' ').Append(Link(ItemText.Title(item), item.Url)).Append('\n');
            sb.Append(Facts(ItemText.MustReadFacts(item, edition.GeneratedAt)));
            AppendWhy(sb, item);
            yield return sb.ToString();
        }
    }

    protected override string Overview(Edition edition)
    {
        var stats = edition.Stats;
        var sb = new StringBuilder("📊 <b>Data overview</b>\n");
        sb.Append(Escape($"Sources: {stats.SourcesOk}/{stats.SourcesTotal} ok\n"));
        sb.Append(Escape($"Articles: {stats.ArticlesFetched} fetched → {stats.ArticlesInWindow} in window\n"));
        sb.Append(Escape($"Window: {ItemText.Window(stats.Window)}\n"));
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

    protected override string? Keywords(EditionStats stats)
    {
        if (stats.Keywords.Count == 0)
        {
            return null;
        }
        var top = stats.Keywords.Take(TopKeywords).Select(k => $"{ItemText.OneLine(k.Keyword)} {k.Count}");
        return "🔑 <b>Top keywords</b>\n" + Escape(string.Join(" · ", top));
    }

    protected override string TopicsHeading() => "🏷️ <b>Topics</b>\n";

    protected override string Plain(string text) => Escape(text);

    protected override string Emphasized(string text) => $"<b>{Escape(text)}</b>";

    protected override string SectionHeading(Category category) => $"{category.Emoji()} <b>{Escape(category.Label())}</b>\n\n";

    protected override string Article(int number, EditionItem item, DateTimeOffset now)
    {
        var sb = new StringBuilder();
        sb.Append("<b>").Append(number.ToString(CultureInfo.InvariantCulture)).Append(". ").Append(Link(ItemText.Title(item), item.Url)).Append("</b>\n");
        sb.Append(Facts(ItemText.Facts(item, now)));
        if (!string.IsNullOrWhiteSpace(item.Summary))
        {
            sb.Append("\n<blockquote>").Append(Escape(item.Summary.Trim())).Append("</blockquote>");
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
            sb.Append("\n💡 Why read it: ").Append(Escape(ItemText.OneLine(item.WhyRead)));
        }
    }

    protected override string Footer(Edition edition)
    {
        var footer = Escape(EditionText.Footer(edition));
        return edition.AssessedOffline ? footer + "\n⚠️ " + Escape(EditionText.OfflineNote) : footer;
    }

    private static string Facts(IReadOnlyList<string> facts) => Escape(string.Join(ItemText.Separator, facts));
}
