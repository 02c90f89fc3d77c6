using Digest.Core.Articles;

namespace Digest.Core.Editions;

/// <summary>
/// One subscriber's cut of an edition: their categories, their number of articles, nothing they were already sent.
/// Reserve picks fill the places of what was left out. When the cut is the edition's own items in order, ranks and
/// must-reads stay as composed; otherwise the cut is laid out again (sections together, ranks 1..n, must-reads the
/// best of what is left), so it reads like an edition of its own.
/// A muted keyword leaves its items out like articles already sent. A boost that touches any candidate ranks the
/// candidates by score instead, boosted ones as if they scored <see cref="KeywordTaste.BoostPoints"/> more, so a boosted
/// reserve pick can take the place of a main item.
/// </summary>
public static class EditionCut
{
    public static Edition For(Edition edition, IReadOnlySet<Category>? categories, int top, SentBefore sent, KeywordTaste? taste = null)
    {
        ArgumentNullException.ThrowIfNull(edition);
        ArgumentNullException.ThrowIfNull(sent);
        taste ??= KeywordTaste.None;
        // The reserve replaces what is left out; it never makes a cut longer than the edition.
        var wanted = Math.Min(Math.Max(1, top), edition.Items.Count);
        var picked = new List<EditionItem>(wanted);
        var stories = new HashSet<long>();
        var changed = false;
        var candidates = edition.Items.OrderBy(i => i.Rank).Select(i => (Item: i, Reserve: false))
            .Concat(edition.Reserve.Select(i => (Item: i, Reserve: true)))
            .ToList();
        if (!taste.IsEmpty && candidates.Any(c => taste.IsBoosted(c.Item)))
        {
            // Stable: equal scores keep the edition's order.
            candidates = [.. candidates.OrderByDescending(c => taste.Score(c.Item))];
            changed = true;
        }
        foreach (var (item, reserve) in candidates)
        {
            if (picked.Count == wanted)
            {
                break;
            }
            // One article per story: the reserve may hold a story's update next to its main item.
            if ((categories is { Count: > 0 } && !categories.Contains(item.Category)) || (item.StoryId != 0 && stories.Contains(item.StoryId)))
            {
                continue;
            }
            if (taste.IsMuted(item))
            {
                changed = true;
                continue;
            }
            switch (sent.Classify(item))
            {
                case ItemNews.Seen:
                    changed = true;
                    break;
                case ItemNews.Update:
                    changed = true;
                    stories.Add(item.StoryId);
                    picked.Add(item with { IsUpdate = true });
                    break;
                default:
                    changed |= reserve;
                    stories.Add(item.StoryId);
                    picked.Add(item);
                    break;
            }
        }
        var items = changed ? LayOut(picked, edition.MustReads.Count(), taste) : picked;
        return edition with { Items = items, Reserve = [] };
    }

    private static List<EditionItem> LayOut(List<EditionItem> picked, int mustReads, KeywordTaste taste)
    {
        var mustReadIds = picked
            .OrderByDescending(taste.Score)
            .ThenByDescending(i => i.PublishedAt)
            .ThenBy(i => i.ArticleId)
            .Take(mustReads)
            .Select(i => i.ArticleId)
            .ToList();
        var sectionOrder = picked.Select(i => i.Category).Distinct().ToList();
        return picked
            .Select((item, index) => (item, index))
            .OrderBy(p => sectionOrder.IndexOf(p.item.Category))
            .ThenBy(p => p.index)
            .Select((p, rank) => p.item with
            {
                Rank = rank + 1,
                MustRead = mustReadIds.Contains(p.item.ArticleId),
                MustReadRank = mustReadIds.IndexOf(p.item.ArticleId) + 1,
            })
            .ToList();
    }
}
