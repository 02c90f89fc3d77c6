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
internal static class TelegramEditionBlocks
{
    private const int TopKeywords = 10;
    private const int TopTopics = 20;
    private const int BoldTopics = 3;

    public static IEnumerable<string> Build(Edition edition)
    {
        yield return Header(edition);
        if (edition.Items.Count == 0)
        {
            yield return "Nothing made it into this edition.";
        }
        foreach (var block in MustReads(edition))
        {
            yield return block;
        }
        yield return Overview(edition);
        if (Keywords(edition.Stats) is { } keywords)
        {
            yield return keywords;
        }
        if (Topics(edition.Items) is { } topics)
        {
            yield return topics;
        }
        foreach (var block in Sections(edition))
        {
            yield return block;
        }
        yield return Footer(edition);
    }

    /// <summary>The photo's caption: the title and the data overview in a few lines.</summary>
    public static string Caption(Edition edition)
    {
        var stats = edition.Stats;
        var sb = new StringBuilder();
        sb.Append("📰 <b>").Append(Escape(EditionText.Title(edition))).Append("</b>\n");
        sb.Append("📊 ").Append(Escape(
            $"{stats.SourcesOk}/{stats.SourcesTotal} sources · {stats.ArticlesFetched} fetched → {stats.ArticlesInWindow} in " +
            $"{ItemText.Window(stats.Window)} · {stats.Selected} selected"));
        if (stats.Categories.Count > 0)
        {
            sb.Append("\n🗂 ").Append(Escape(string.Join(" · ", stats.Categories.Select(c => $"{c.Category.Label()} {c.Count}"))));
        }
        if (stats.Keywords.Count > 0)
        {
            sb.Append("\n🔑 ").Append(Escape(string.Join(", ", stats.Keywords.Take(TopKeywords).Select(k => OneLine(k.Keyword)))));
        }
        return sb.ToString();
    }

    private static string Header(Edition edition)
    {
        var sb = new StringBuilder().Append("📰 <b>").Append(Escape(EditionText.Title(edition))).Append("</b>");
        if (!string.IsNullOrWhiteSpace(edition.Highlights))
        {
            var heading = edition.Kind == EditionKind.Weekly ? "This Week's Highlights" : "Today's Highlights";
            sb.Append("\n\n📌 <b>").Append(Escape(heading)).Append("</b>\n").Append(Escape(edition.Highlights.Trim()));
        }
        return sb.ToString();
    }

    private static IEnumerable<string> MustReads(Edition edition)
    {
        var heading = "🏆 <b>Must read</b>\n";
        foreach (var item in edition.MustReads)
        {
            var sb = new StringBuilder(heading);
            heading = string.Empty;
            sb.Append(ItemText.Medal(item.MustReadRank)).Append(' ').Append(Link(Title(item), item.Url)).Append('\n');
            sb.Append(Escape($"{OneLine(item.Source)} · {RelativeAge.Format(item.PublishedAt, edition.GeneratedAt)} · {item.Category.EmojiLabel()}{CoveredBy(item)}"));
            AppendWhy(sb, item);
            yield return sb.ToString();
        }
    }

    private static string Overview(Edition edition)
    {
        var stats = edition.Stats;
        var sb = new StringBuilder("📊 <b>Data overview</b>\n");
        sb.Append(Escape($"Sources: {stats.SourcesOk}/{stats.SourcesTotal} ok\n"));
        sb.Append(Escape($"Articles: {stats.ArticlesFetched} fetched → {stats.ArticlesInWindow} in window\n"));
        sb.Append(Escape($"Window: {ItemText.Window(stats.Window)}\n"));
        sb.Append(Escape($"Selected: {stats.Selected}"));
        if (edition.Items.Count < stats.Selected)
        {
            sb.Append(Escape($" ({edition.Items.Count} for you)"));
        }
        if (stats.Categories.Count > 0)
        {
            sb.Append('\n').Append(Escape("By category: " + string.Join(" · ", stats.Categories.Select(c => $"{c.Category.EmojiLabel()} {c.Count}"))));
        }
        if (LlmCostText.Line(edition) is { } cost)
        {
            sb.Append('\n').Append(Escape(cost));
        }
        return sb.ToString();
    }

    private static string? Keywords(EditionStats stats)
    {
        if (stats.Keywords.Count == 0)
        {
            return null;
        }
        var top = stats.Keywords.Take(TopKeywords).Select(k => $"{OneLine(k.Keyword)} {k.Count}");
        return "🔑 <b>Top keywords</b>\n" + Escape(string.Join(" · ", top));
    }

    /// <summary>The tags of the articles in this cut with their counts, most used first; the top few in bold.</summary>
    private static string? Topics(IReadOnlyList<EditionItem> items)
    {
        var topics = items
            .OrderBy(i => i.Rank)
            .SelectMany(i => i.Tags.Select(t => OneLine(t).ToLowerInvariant()).Where(t => t.Length > 0).Distinct())
            .GroupBy(t => t)
            .Select((g, firstSeen) => (Tag: g.Key, Count: g.Count(), FirstSeen: firstSeen))
            .OrderByDescending(t => t.Count)
            .ThenBy(t => t.FirstSeen)
            .Take(TopTopics)
            .Select((t, index) => index < BoldTopics ? $"<b>{Escape(t.Tag)} ({t.Count})</b>" : Escape($"{t.Tag} ({t.Count})"))
            .ToList();
        return topics.Count == 0 ? null : "🏷️ <b>Topics</b>\n" + string.Join(" · ", topics);
    }

    /// <summary>Articles grouped by category, numbered as read (<see cref="ReadingOrder"/>).</summary>
    private static IEnumerable<string> Sections(Edition edition)
    {
        foreach (var section in ReadingOrder.Of(edition).GroupBy(n => n.Item.Category))
        {
            var heading = $"{section.Key.Emoji()} <b>{Escape(section.Key.Label())}</b>\n\n";
            foreach (var numbered in section)
            {
                yield return heading + Article(numbered.Number, numbered.Item, edition.GeneratedAt);
                heading = string.Empty;
            }
        }
    }

    private static string Article(int number, EditionItem item, DateTimeOffset now)
    {
        var sb = new StringBuilder();
        sb.Append("<b>").Append(EditionText.Count(number)).Append(". ").Append(Link(Title(item), item.Url)).Append("</b>\n");
        sb.Append(Escape($"{OneLine(item.Source)} · {RelativeAge.Format(item.PublishedAt, now)} · ⭐ {item.Total}/30{CoveredBy(item)}"));
        if (!string.IsNullOrWhiteSpace(item.Summary))
        {
            sb.Append("\n<blockquote>").Append(Escape(item.Summary.Trim())).Append("</blockquote>");
        }
        AppendWhy(sb, item);
        var tags = item.Tags.Select(OneLine).Where(t => t.Length > 0).ToList();
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
            sb.Append("\n💡 Why read it: ").Append(Escape(OneLine(item.WhyRead)));
        }
    }

    private static string Footer(Edition edition)
    {
        var stats = edition.Stats;
        var footer = Escape(
            $"Generated at {EditionText.Stamp(edition.GeneratedAt)} | Scanned {stats.SourcesOk} sources -> " +
            $"{stats.ArticlesFetched} articles -> selected {stats.Selected}");
        return edition.AssessedOffline
            ? footer + "\n" + Escape("⚠️ Assessed offline (no LLM): scores and summaries are heuristic.")
            : footer;
    }

    private static string Title(EditionItem item) =>
        OneLine(item.Title).Length > 0 ? OneLine(ItemText.Title(item)) : "(untitled)";

    private static string CoveredBy(EditionItem item) => ItemText.CoveredBy(item) is { } covered ? " · " + OneLine(covered) : string.Empty;

    /// <summary>Titles, sources and tags from feeds carry stray line breaks and runs of spaces: one line each.</summary>
    private static string OneLine(string? text) =>
        string.IsNullOrWhiteSpace(text) ? string.Empty : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
