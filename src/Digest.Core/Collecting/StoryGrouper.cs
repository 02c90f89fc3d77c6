using Digest.Core.Articles;

namespace Digest.Core.Collecting;

/// <summary>
/// Finds articles that tell the same story as an earlier one (another source, another URL): by the distinctive
/// words of their titles, their body text (MinHash of shingles), the names and numbers they mention, and being
/// published close in time (<see cref="StoryEvidence"/> weighs these). Candidates come from inverted indexes of
/// title words and mentions and from the body signatures' LSH bands, so each new article is compared with the few
/// articles that could match, never with the whole memory.
/// </summary>
public sealed class StoryGrouper
{
    // A word in more articles than this (a hot topic: "AI", "Rust"), or a body band every post of a feed shares
    // (its footer), would pull in half the memory as candidates. Articles sharing only such leads are still found
    // through their other words or bands.
    private const int MaxPostingsPerLead = 200;

    // A story's retellings share its rarest words and bands, so they are among the best-voted candidates; comparing
    // more only spends time on articles that share a common word or two.
    private const int MostCompared = 24;

    // A shared band means two rows of the signatures agree: about as telling as sharing a rare word.
    private const double BandVote = 3;

    private readonly List<Profile> _known = [];
    private readonly WordRarity _titleRarity = new();
    private readonly WordRarity _mentionRarity = new();
    private readonly Postings<string> _byTitleWord = new(StringComparer.Ordinal);
    private readonly Postings<string> _byMention = new(StringComparer.Ordinal);
    private readonly Postings<ulong> _byBodyBand = new();

    public StoryGrouper(IEnumerable<Article> earlier)
    {
        foreach (var article in earlier.OrderBy(a => a.Id))
        {
            var profile = Profile.Of(article);
            Learn(profile);
            Remember(profile);
        }
    }

    /// <summary>The story an article belongs to: an earlier one it matches, or its own.</summary>
    public long Assign(Article article)
    {
        var profile = Profile.Of(article);
        Learn(profile);
        Profile? best = null;
        var bestStrength = 0.0;
        foreach (var candidate in Candidates(profile))
        {
            var evidence = Compare(profile, candidate);
            // Ties go to the lowest id, so the answer does not depend on the order candidates were found in.
            if (evidence.SameStory && (best is null || evidence.Strength > bestStrength
                || (evidence.Strength == bestStrength && candidate.Id < best.Id)))
            {
                best = candidate;
                bestStrength = evidence.Strength;
            }
        }
        var grouped = best is null ? profile : profile with { StoryId = best.StoryId };
        Remember(grouped);
        return grouped.StoryId;
    }

    private StoryEvidence Compare(Profile a, Profile b) => new(
        Title: _titleRarity.Similarity(a.Title, b.Title),
        Body: a.Body.Containment(b.Body),
        BodyConfidence: a.Body.Confidence(b.Body),
        Mentions: _mentionRarity.Containment(a.Mentions, b.Mentions),
        MentionsConfidence: Collecting.Mentions.Confidence(a.Mentions, b.Mentions),
        Apart: (a.Time - b.Time).Duration(),
        SameSource: string.Equals(a.Source, b.Source, StringComparison.OrdinalIgnoreCase)
            || string.Equals(a.FeedUrl, b.FeedUrl, StringComparison.Ordinal));

    /// <summary>
    /// The earlier articles most worth comparing: each shared lead votes for the articles it leads to, a rare word more
    /// than a common one, a body band as much as a rare word. Only the best few are compared, so an article whose
    /// words are everywhere ("AI", a blog's template title) costs the same as any other.
    /// </summary>
    private IEnumerable<Profile> Candidates(Profile article)
    {
        var votes = new Dictionary<int, double>();
        Vote(_byTitleWord, article.SubjectWords, _titleRarity.Weight, article, votes);
        Vote(_byMention, article.Mentions.Select(m => m.Key), _mentionRarity.Weight, article, votes);
        Vote(_byBodyBand, article.Body.BandKeys(), _ => BandVote, article, votes);
        var best = new PriorityQueue<int, (double Votes, int Newer)>(MostCompared + 1);
        foreach (var (index, count) in votes)
        {
            // The queue's head is the weakest kept: fewest votes, then the newest (ties go to the older article).
            best.Enqueue(index, (count, -index));
            if (best.Count > MostCompared)
            {
                best.Dequeue();
            }
        }
        return best.UnorderedItems.Select(e => _known[e.Element]);
    }

    private void Vote<TKey>(Postings<TKey> index, IEnumerable<TKey> leads, Func<TKey, double> weight, Profile article, Dictionary<int, double> votes)
        where TKey : notnull
    {
        foreach (var lead in leads)
        {
            var count = index.Count(lead);
            if (count == 0 || count > MaxPostingsPerLead)
            {
                continue;
            }
            index.ForEach(lead, (Grouper: this, Article: article, Votes: votes, Vote: weight(lead)), static (posting, s) =>
            {
                if ((s.Article.Time - s.Grouper._known[posting].Time).Duration() <= StoryEvidence.MaxApart)
                {
                    s.Votes[posting] = s.Votes.GetValueOrDefault(posting) + s.Vote;
                }
            });
        }
    }

    private void Learn(Profile profile)
    {
        _titleRarity.Add(profile.Title);
        _mentionRarity.Add(profile.Mentions);
    }

    private void Remember(Profile profile)
    {
        var index = _known.Count;
        _known.Add(profile);
        Post(_byTitleWord, profile.SubjectWords, index);
        Post(_byMention, profile.Mentions.Select(m => m.Key), index);
        Post(_byBodyBand, profile.Body.BandKeys(), index);
    }

    private static void Post<TKey>(Postings<TKey> index, IEnumerable<TKey> keys, int value)
        where TKey : notnull
    {
        foreach (var key in keys)
        {
            // Two bands of one body can hash alike; one posting per article is enough.
            index.Add(key, value);
        }
    }

    /// <summary>What the grouper keeps of an article: enough to compare, not the text itself.</summary>
    private sealed record Profile(
        long Id, long StoryId, string Source, string FeedUrl, DateTimeOffset Time,
        IReadOnlyList<Term> Title, BodySignature Body, IReadOnlyList<Term> Mentions)
    {
        public static Profile Of(Article article) => new(
            article.Id, article.StoryId, article.Source, article.FeedUrl,
            article.PublishedAt ?? article.FirstSeenAt,
            TitleWords.Of(article.Title), BodySignature.Of(article.Text), Collecting.Mentions.Of(article.Title, article.Text));

        /// <summary>Title words that lead to candidates: template words lead to every post of a series.</summary>
        public IEnumerable<string> SubjectWords => Title.Where(w => w.Boost >= 1).Select(w => w.Key);
    }
}
