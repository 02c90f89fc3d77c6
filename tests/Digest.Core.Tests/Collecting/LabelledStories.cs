using Digest.Core.Articles;

namespace Digest.Core.Tests.Collecting;

/// <summary>An article with the story it truly belongs to.</summary>
internal sealed record LabelledArticle(Article Article, string Story);

/// <summary>
/// A week of articles whose stories are known. Each scripted story is told by one outlet per title: the first
/// outlet runs the press release as written; the others quote some of its sentences, paraphrase others, drop a
/// few, add their own stock phrases, dress the headline in their house style, and some syndicate only a teaser.
/// Script format (see <see cref="LabelledStoryScripts"/>): "# key" starts a story ("# key @source +hours" pins
/// the outlet and the hour of the week), plain lines are the outlets' titles, "&gt; " a sentence of the release,
/// "= " an outlet's paraphrase of the sentence above it.
/// </summary>
internal static class LabelledStories
{
    public static readonly DateTimeOffset WeekStart = new(2026, 4, 6, 0, 0, 0, TimeSpan.Zero);

    private sealed record Outlet(string Source, string? Suffix, bool TitleCase, string? Footer);

    private static readonly Outlet[] Outlets =
    [
        new("newsroom.example.com", null, false, null),
        new("theverge.com", " | The Verge", false, null),
        new("arstechnica.com", " - Ars Technica", true, "Read the full story and join the discussion in the comments."),
        new("techcrunch.com", null, true, "Subscribe to our newsletter to get the day's biggest tech stories in your inbox."),
        new("siliconangle.com", " - SiliconANGLE", true, "The post {title} appeared first on SiliconANGLE."),
        new("theregister.com", null, false, null),
        new("zdnet.com", " | ZDNET", true, null),
        new("venturebeat.com", " | VentureBeat", true, "Stay in the know with our daily newsletter."),
        new("infoq.com", null, false, "This content is in the Development topic on InfoQ."),
        new("heise.de", null, false, null),
    ];

    // Stock sentences outlets add to any story: shared text that says nothing about which story it is.
    private static readonly string[] StockSentences =
    [
        "We have reached out to the company for comment and will update this story if we hear back.",
        "The move comes as competition in the sector continues to heat up.",
        "Here is everything you need to know about the announcement.",
        "It is the latest in a string of announcements from the company this month.",
        "Analysts say the news could reshape the market over the coming year.",
        "This is a developing story.",
    ];

    private sealed record Script(string Key, string? Source, double? Hour, List<string> Titles, List<(string Release, string? Paraphrase)> Facts);

    public static IReadOnlyList<LabelledArticle> Generate(int seed = 20260406)
    {
        var random = new Random(seed);
        var drafts = new List<(Article Article, string Story)>();
        foreach (var script in Parse(LabelledStoryScripts.News + "\n" + LabelledStoryScripts.SeriesAndSingles))
        {
            var startHour = script.Hour ?? random.Next(0, 24 * 6);
            var outlets = Outlets.OrderBy(_ => random.Next()).Take(script.Titles.Count).ToList();
            for (var i = 0; i < script.Titles.Count; i++)
            {
                var outlet = script.Source is { } pinned ? new Outlet(pinned, null, false, null) : outlets[i];
                var hour = startHour + (i == 0 ? 0 : random.Next(1, 30));
                drafts.Add((Tell(script, i, outlet, hour, random), script.Key));
            }
        }
        // The store hands out ids in the order articles are first seen.
        return drafts
            .OrderBy(d => d.Article.FirstSeenAt).ThenBy(d => d.Story, StringComparer.Ordinal).ThenBy(d => d.Article.Source, StringComparer.Ordinal)
            .Select((d, i) => new LabelledArticle(d.Article with { Id = i + 1, StoryId = i + 1 }, d.Story))
            .ToList();
    }

    private static Article Tell(Script script, int teller, Outlet outlet, double hour, Random random)
    {
        var title = script.Titles[teller];
        if (outlet.TitleCase)
        {
            title = string.Join(' ', title.Split(' ').Select(w => w.Length > 3 ? char.ToUpperInvariant(w[0]) + w[1..] : w));
        }
        if (script.Source is null && random.Next(6) == 0)
        {
            title = "Breaking: " + title;
        }
        title += outlet.Suffix;

        var sentences = new List<string>();
        if (teller > 0 && random.Next(2) == 0)
        {
            sentences.Add(StockSentences[random.Next(StockSentences.Length)]);
        }
        foreach (var (release, paraphrase) in script.Facts)
        {
            var roll = teller == 0 || paraphrase is null ? 0 : random.Next(20);
            if (roll < 7)
            {
                sentences.Add(release);
            }
            else if (roll < 17)
            {
                sentences.Add(paraphrase!);
            }
        }
        if (teller > 0 && random.Next(3) == 0)
        {
            sentences.Add(StockSentences[random.Next(StockSentences.Length)]);
        }
        var body = string.Join(' ', sentences);
        var form = teller == 0 ? 10 : random.Next(10);
        body = form switch
        {
            0 => "",
            < 3 => string.Join(' ', body.Split(' ').Take(30)) + " …",
            _ => body,
        };
        if (outlet.Footer is { } footer)
        {
            body += " " + footer.Replace("{title}", title, StringComparison.Ordinal);
        }

        var time = WeekStart.AddHours(hour).AddMinutes(random.Next(60));
        // Some feeds give no date; the grouper then goes by when we first saw the item.
        var published = random.Next(10) == 0 ? (DateTimeOffset?)null : time;
        return new Article(0, $"https://{outlet.Source}/{script.Key}-{teller}", null, $"https://{outlet.Source}/feed",
            outlet.Source, title, body, published, time.AddMinutes(random.Next(5, 90)), 0);
    }

    private static IEnumerable<Script> Parse(string text)
    {
        Script? current = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("# ", StringComparison.Ordinal))
            {
                if (current is not null)
                {
                    yield return current;
                }
                var parts = line[2..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                current = new Script(parts[0],
                    parts.FirstOrDefault(p => p.StartsWith('@'))?[1..],
                    parts.FirstOrDefault(p => p.StartsWith('+')) is { } h ? double.Parse(h[1..], System.Globalization.CultureInfo.InvariantCulture) : null,
                    [], []);
            }
            else if (current is null || line.Length == 0)
            {
                continue;
            }
            else if (line.StartsWith("> ", StringComparison.Ordinal))
            {
                current.Facts.Add((line[2..], null));
            }
            else if (line.StartsWith("= ", StringComparison.Ordinal))
            {
                current.Facts[^1] = (current.Facts[^1].Release, line[2..]);
            }
            else
            {
                current.Titles.Add(line);
            }
        }
        if (current is not null)
        {
            yield return current;
        }
    }
}
