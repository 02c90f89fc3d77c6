using Digest.TestKit.Feeds;

namespace Digest.Integration.Tests.Pipeline.Support;

/// <summary>
/// Nine articles over four feeds, one per wire format (RSS 2.0, Atom, RSS 1.0, JSON Feed), each in its own time
/// zone; eight are inside a 24 h window, one is four days old. Links are absolute on the blogs' own hosts, so
/// nothing about the local feed server (its port) reaches an edition.
/// </summary>
public static class GoldenFixtures
{
    /// <summary>The clock of the golden edition.</summary>
    public static readonly DateTimeOffset Now = new(2026, 4, 16, 14, 1, 0, TimeSpan.Zero);

    public static IReadOnlyList<FixtureFeed> Feeds { get; } =
    [
        new("/golden/simonwillison.xml", FeedFormat.Rss20, "simonwillison.net", TimeSpan.FromHours(-7),
        [
            new("Gemini 3.1 Flash TTS",
                "https://simonwillison.net/2026/Apr/15/gemini-flash-tts/",
                TimeSpan.FromHours(19) + TimeSpan.FromMinutes(48),
                "<p>Google released <strong>Gemini 3.1 Flash TTS</strong> today, a new text-to-speech model available through "
                + "the standard Gemini API as <code>gemini-3.1-flash-tts-preview</code>.</p>"
                + "<p>The interesting twist is that you direct it with a prompt: describe the voice, the pace and the mood, and the "
                + "model follows. It only outputs audio files for the moment, so there is no streaming yet.</p>"
                + "<p>I built a small tool to try it out, and the results are impressive for a model this fast and cheap. Speech "
                + "synthesis that takes instructions like an LLM is a real step forward for anyone building voice interfaces.</p>"),
            new("datasette 1.0a27",
                "https://simonwillison.net/2026/Apr/16/datasette-1-0a27/",
                TimeSpan.FromHours(14),
                "<p>This alpha release of Datasette has two major changes.</p><ul>"
                + "<li>Django-style CSRF form tokens are gone, replaced by checks on the browser's <code>Sec-Fetch-Site</code> "
                + "and <code>Origin</code> headers, as Filippo Valsorda recommends.</li>"
                + "<li>Plugins that used the <code>ds_csrftoken</code> cookie need an upgrade, and the plugin documentation "
                + "describes the new approach.</li></ul>"
                + "<p>The release is on PyPI and GitHub. Please try it with your plugins before 1.0 ships.</p>"),
            new("Notes on the SQLite query planner",
                "https://simonwillison.net/2026/Apr/12/sqlite-query-planner/",
                TimeSpan.FromDays(4),
                "<p>Some notes on how SQLite picks an index, and how to read <code>EXPLAIN QUERY PLAN</code>.</p>"),
        ]),
        new("/golden/antirez.atom", FeedFormat.Atom, "antirez.com", TimeSpan.FromHours(2),
        [
            new("AI cybersecurity is not proof of work",
                "https://antirez.com/news/157",
                TimeSpan.FromHours(3),
                "<p>Lately I keep reading that finding vulnerabilities with LLMs is like proof of work: spend enough compute "
                + "and the bug will fall out. I don't think the analogy holds.</p>"
                + "<p>In proof of work every attempt is an independent lottery ticket, and enough tickets guarantee a win. Bug "
                + "finding is different. A model sampling the same code again and again takes different branches at first, but "
                + "quickly saturates the states it can reach. If the vulnerability is outside that space, more samples will not "
                + "find the exploit.</p>"
                + "<p>This matters for defenders. An attacker with a bigger GPU budget does not automatically win, and a patch "
                + "that removes a class of bugs is worth more than any amount of scanning. Security is still about understanding "
                + "the code.</p>"),
            new("Vector sets: the cost of approximate search",
                "https://antirez.com/news/156",
                TimeSpan.FromHours(22),
                "<p>When I designed vector sets for Redis, the hardest trade-off was not the data structure but the memory "
                + "layout. HNSW graphs are fast to query, yet every node carries neighbours at several levels, and that overhead "
                + "dominates for small vectors.</p>"
                + "<p>Quantization helps: storing 8-bit components cuts memory by four with a small recall loss. I measured "
                + "latency and recall on a few datasets, and the results suggest that for most workloads int8 is the right "
                + "default, while binary quantization is good only as a first pass.</p>"
                + "<p>The lesson is an old one in systems design: measure the whole architecture before optimizing the part that "
                + "looks clever.</p>"),
        ]),
        new("/golden/pluralistic.rdf", FeedFormat.Rss10, "pluralistic.net", TimeSpan.Zero,
        [
            new("Pluralistic: A Pascal's Wager for AI Doomers (16 Apr 2026)",
                "https://pluralistic.net/2026/04/16/pascals-wager/",
                TimeSpan.FromHours(2),
                "<p>Today's essay: the AI doomers' argument is a Pascal's Wager, and I think it fails for the same reason "
                + "Pascal's does. You can invent an infinite penalty for anything.</p>"
                + "<p>Meanwhile the harms we can already measure &#8212; surveillance, labor discipline, enshittified products "
                + "&#8212; get less attention than imaginary paperclip maximizers. We should reflect on which future we spend "
                + "our attention on.</p>"
                + "<p>Also in this edition: Open DRM, a copyrighted Klingon dictionary, and a short history of the decade's worst "
                + "terms of service.</p>"),
            new("Pluralistic: The platform is the product (15 Apr 2026)",
                "https://pluralistic.net/2026/04/15/platform-product/",
                TimeSpan.FromHours(23),
                "<p>Why do app stores get worse every year? Because the platform owner's customers are no longer the users. "
                + "I argue that interoperability, not better management, is the only durable fix.</p>"),
        ]),
        new("/golden/gilesthomas.json", FeedFormat.JsonFeed, "gilesthomas.com", TimeSpan.FromHours(1),
        [
            new("Writing an LLM from scratch, part 32k – Interventions: training a better model locally with gradient accumulation",
                "https://www.gilesthomas.com/2026/04/llm-from-scratch-32k-gradient-accumulation",
                TimeSpan.FromHours(18),
                "<p>In this part of my series working through Sebastian Raschka's book, I try an intervention to train a better "
                + "GPT-2-small-style model on a single local GPU: gradient accumulation.</p>"
                + "<p>The idea is simple. Run several micro-batches forward and backward, add up the gradients, and only then "
                + "take an optimizer step. The model sees the same effective batch size as on a machine with far more memory, "
                + "and training is more stable.</p>"
                + "<p>With eight accumulation steps the loss curve was smoother and the final validation loss dropped by about "
                + "0.1 compared with my baseline. The cost is time: each step takes eight times as long. For hobbyist training on "
                + "local hardware it is a trade worth making.</p>"),
            new("The `--force` flag & other *footguns* in [our] deploy_scripts",
                "https://www.gilesthomas.com/2026/04/deploy-footguns?utm_source=rss&utm_medium=feed#top",
                TimeSpan.FromHours(7),
                "<p>A post-mortem of sorts. Our deploy scripts had grown a <code>--force</code> flag that skipped the health "
                + "checks &amp; the database migration lock. Somebody used it on a Friday.</p>"
                + "<p>Nothing broke for long, but it made me review every flag in our tooling. Here is what we changed: no flag "
                + "may skip a safety check without a second confirmation, the script logs who used it, and the CI pipeline "
                + "refuses forced deploys outside working hours.</p>"),
        ]),
    ];

    /// <summary>Every item inside the default 24 h window at <see cref="Now"/>.</summary>
    public static IEnumerable<FixtureItem> InWindow => Feeds.SelectMany(f => f.Items).Where(i => i.Age <= TimeSpan.FromHours(24));
}
