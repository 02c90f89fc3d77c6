using System.Globalization;
using System.Security;
using System.Text;
using Digest.Core.Collecting;
using Digest.TestKit.Feeds;

namespace Digest.Bench;

/// <summary>
/// Feeds that read like the real list: every feed on its own loopback host, posts of 2–3 k characters in paragraphs
/// with a lede, varied words (so stories group as rarely as in life), a few stories told by several blogs, and about
/// one post per blog a day. Deterministic: the same arguments give the same feeds.
/// </summary>
internal static class BenchFeeds
{
    private static readonly string[] Subjects =
    [
        "Postgres", "SQLite", "Kubernetes", "Rust", "Go", "WebAssembly", "LLM inference", "vector search", "TLS",
        "the JIT", "garbage collection", "io_uring", "eBPF", "CRDTs", "Raft", "compilers", "type inference",
        "fuzzing", "supply chain security", "passkeys", "HTTP/3", "QUIC", "Linux scheduling", "ZFS", "the browser",
        "React", "Python packaging", "Nix", "build caches", "observability", "tracing", "GPU kernels", "quantization",
        "fine-tuning", "retrieval", "prompt injection", "static analysis", "memory safety", "Zig", "OCaml",
        "distributed logs", "Kafka", "edge caching", "DNS", "BGP", "SIMD", "hash tables", "B-trees", "LSM trees",
    ];

    private static readonly string[] Angles =
    [
        "What I learned from", "A field guide to", "Why we moved off", "Notes on", "Benchmarking", "Debugging",
        "The hidden cost of", "Shipping", "Rethinking", "An incident with", "How we scaled", "Taming", "Inside",
        "A year of", "Against", "In defence of", "Measuring", "Porting our stack to", "Lessons from", "Reading",
    ];

    private static readonly string[] Words =
    (
        "latency throughput cache queue thread lock schema index query planner replica shard partition tenant "
        + "deploy rollback canary feature flag config secret token session cookie header request response stream "
        + "buffer allocator heap stack pointer borrow lifetime trait generic macro closure iterator future async "
        + "await runtime scheduler kernel syscall socket packet route gateway proxy balancer mesh sidecar pod node "
        + "cluster region zone failover backup snapshot restore migration column row table join aggregate window "
        + "vector embedding model prompt context token sampler logits attention layer weight gradient batch epoch "
        + "dataset benchmark profile flame graph trace span metric alert dashboard oncall pager incident outage "
        + "postmortem budget quota limit retry backoff timeout deadline idempotent exactly once ordering clock "
        + "drift leap second timezone calendar parser lexer grammar syntax tree visitor optimizer inliner register "
        + "instruction branch predictor prefetch cacheline page fault mmap file descriptor pipe signal process"
    ).Split(' ');

    /// <summary>Publishes <paramref name="feeds"/> feeds of <paramref name="items"/> posts, feed n on host n of <paramref name="server"/>.</summary>
    public static IReadOnlyList<FeedSource> Publish(FeedServer server, int feeds, int items, DateTimeOffset newest)
    {
        var formats = Enum.GetValues<FeedFormat>();
        var sources = new List<FeedSource>(feeds);
        for (var feed = 0; feed < feeds; feed++)
        {
            var site = $"https://blog{feed}.example";
            var posts = Enumerable.Range(0, items).Select(i => Post(feed, i, site, newest)).ToList();
            var url = server.Publish($"/feed/{feed}", formats[feed % formats.Length], posts, $"Blog {feed}", feed % server.Hosts.Count);
            sources.Add(new FeedSource(url.AbsoluteUri, $"Blog {feed}", site));
        }
        return sources;
    }

    /// <summary>The feeds as an OPML file, the way a user hands the app a list of their own.</summary>
    public static string WriteOpml(IReadOnlyList<FeedSource> sources, string path)
    {
        var opml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<opml version=\"2.0\"><head><title>bench</title></head><body>\n");
        foreach (var source in sources)
        {
            opml.Append(CultureInfo.InvariantCulture,
                $"<outline type=\"rss\" text=\"{SecurityElement.Escape(source.Title)}\" xmlUrl=\"{SecurityElement.Escape(source.Url)}\" htmlUrl=\"{SecurityElement.Escape(source.SiteUrl)}\"/>\n");
        }
        File.WriteAllText(path, opml.Append("</body></opml>\n").ToString());
        return path;
    }

    private static TestFeedItem Post(int feed, int index, string site, DateTimeOffset newest)
    {
        // About a post a day per blog, blogs staggered by 24 minutes: ~2.5 posts per blog in a 72-hour window.
        var published = newest.AddMinutes(-(feed * 24) - (index * 26 * 60));
        // Every eighth blog's newest post tells the same story: a release many blogs write about on one day.
        var shared = index == 0 && feed % 8 == 0;
        var random = new Random(shared ? 7 : (feed * 1000) + index);
        var title = shared
            ? "Postgres 19 released with built-in vector search"
            : $"{Angles[random.Next(Angles.Length)]} {Subjects[random.Next(Subjects.Length)]} {Subjects[random.Next(Subjects.Length)]}";
        var html = new StringBuilder();
        for (var paragraph = 0; paragraph < 6; paragraph++)
        {
            if (paragraph == 3)
            {
                html.Append(CultureInfo.InvariantCulture, $"<h2>{Capitalized(Sentence(random, 4))}</h2>");
            }
            html.Append("<p>");
            var sentences = paragraph == 0 ? 2 : 3 + random.Next(2);
            for (var s = 0; s < sentences; s++)
            {
                html.Append(Capitalized(Sentence(random, 10 + random.Next(10)))).Append(". ");
            }
            html.Append(CultureInfo.InvariantCulture, $"See <a href=\"{site}/notes/{index}-{paragraph}\">the notes</a>.</p>");
        }
        return new TestFeedItem(title, $"{site}/posts/{index}", $"{site}/posts/{index}", html.ToString(), published, $"Author {feed}");
    }

    private static string Sentence(Random random, int words) =>
        string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[random.Next(Words.Length)]));

    private static string Capitalized(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
