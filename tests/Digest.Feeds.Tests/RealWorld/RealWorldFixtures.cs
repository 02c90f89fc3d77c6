namespace Digest.Feeds.Tests.RealWorld;

/// <summary>An entry a fixture must yield: its exact link, and its date with offset (null: the entry is undated).</summary>
public sealed record ExpectedEntry(string Url, string? PublishedAt);

/// <summary>A fixture feed shaped like its generator's output, with how many entries it lists and how many have a link.</summary>
public sealed record FeedFixture(string File, string ContentType, int Entries, int Linked, IReadOnlyList<ExpectedEntry> Expected);

/// <summary>The table of expectations for the documents in RealWorld/Fixtures, which are embedded in the test assembly.</summary>
public static class RealWorldFixtures
{
    private const string Rss = "application/rss+xml; charset=UTF-8";
    private const string Atom = "application/atom+xml; charset=UTF-8";
    private const string Xml = "text/xml; charset=UTF-8";

    public static readonly IReadOnlyList<FeedFixture> All =
    [
        new("wordpress.xml", Rss, 4, 4,
        [
            new("https://latticeloom.example/2024/05/14/why-our-queue-stopped-losing-messages/", "2024-05-14T09:12:33+00:00"),
            new("https://latticeloom.example/2024/04/29/idempotency-keys-a-field-guide/", "2024-04-29T07:30:00+00:00"),
        ]),
        new("blogger.xml", Atom, 3, 3,
        [
            new("https://parsernotes.blogspot.com/2024/05/pratt-parsing-without-tears.html", "2024-05-10T08:15:00.003-07:00"),
            new("https://parsernotes.blogspot.com/2023/12/a-year-of-tiny-languages.html", "2023-12-24T09:00:00.001+01:00"),
        ]),
        new("substack.xml", "application/xml; charset=utf-8", 4, 4,
        [
            new("https://gradientdescent.substack.com/p/the-embed-that-broke-my-newsletter", "2024-05-09T11:30:00+00:00"),
            new("https://gradientdescent.substack.com/p/podcast-scaling-laws", "2024-05-02T10:00:00+00:00"),
        ]),
        new("hugo.xml", "application/rss+xml", 5, 5,
        [
            new("https://bytesbikes.example/posts/tuning-go-tail-latency/", "2024-05-11T18:20:00-07:00"),
            new("https://bytesbikes.example/notes/bike-packing-the-coast/", "2024-04-21T07:45:00-07:00"),
            new("https://bytesbikes.example/posts/hello-hugo/", "2006-01-02T15:04:05-07:00"),
            new("https://bytesbikes.example/about/", "2024-03-01T00:00:00+00:00"),
        ]),
        new("jekyll.xml", "application/xml", 3, 3,
        [
            new("https://quietcompiler.example/2024/05/12/hermetic-builds.html", "2024-05-12T00:00:00+00:00"),
            new("https://quietcompiler.example/2024/04/20/caching-but-honest.html", "2024-04-20T10:30:00-05:00"),
        ]),
        new("ghost.xml", "application/rss+xml; charset=utf-8", 3, 3,
        [
            new("https://engineering.northwind.example/moving-postgres-without-downtime/", "2024-05-15T14:00:00+00:00"),
        ]),
        new("medium.xml", Xml, 3, 3,
        [
            new("https://medium.com/@rafaelcosta/the-hidden-cost-of-microservices-7f3e2a1b9c0d?source=rss-5c1d2e3f4a5b------2", "2024-05-17T06:40:58+00:00"),
            new("https://rafaelcosta.medium.com/writing-in-public-one-year-on-0f9e8d7c6b5a?source=rss-5c1d2e3f4a5b------2", "2024-04-20T12:00:00+00:00"),
        ]),
        new("youtube.xml", Xml, 3, 3,
        [
            new("https://www.youtube.com/watch?v=dQ9wXyZ12ab", "2024-05-14T15:00:06+00:00"),
        ]),
        new("rss1.xml", "application/rdf+xml", 2, 2,
        [
            new("https://oldschool.example/archives/2024/04/trackbacks.html", "2024-04-01T09:00:00-08:00"),
        ]),
        new("microblog.json", "application/json", 3, 3,
        [
            new("https://wren.micro.example/2024/05/16/finally-fixed-the.html", "2024-05-16T21:03:44-04:00"),
            new("https://papers.example/crdts", "2024-05-11T08:00:00+00:00"),
            new("https://wren.micro.example/2024/05/01/photo.html", "2024-05-01T07:15:00+00:00"),
        ]),
        new("edge-xml-base.xml", Atom, 4, 4,
        [
            new("https://layers.example/journal/2024/05/three-levels.html", "2024-05-01T12:00:00+00:00"),
            new("https://layers.example/archive/rooted.html", "2024-04-01T12:00:00+00:00"),
            new("https://layers.example/journal/feed-only.html", "2024-03-01T12:00:00+00:00"),
            new("https://mirror.layers.example/a/c/mirrored.html?x=1#top", "2024-02-01T12:00:00+00:00"),
        ]),
        // Served as text/html, as a misconfigured site does: the root decides, not the doctype or the media type.
        new("edge-doctype-rss.xml", "text/html; charset=utf-8", 2, 2,
        [
            new("https://templated.example/posts/layout-leak", "2024-05-01T08:00:00+00:00"),
        ]),
        new("edge-doctype-atom.xml", Atom, 1, 1,
        [
            new("https://sitegen.example/doctype-before-root", "2024-05-02T00:00:00+00:00"),
        ]),
        new("edge-cdata-markup.xml", Rss, 3, 3,
        [
            new("https://secnotes.example/xxe-explained", "2024-05-02T10:00:00+00:00"),
            new("https://secnotes.example/escaped", "2024-04-30T10:00:00+00:00"),
        ]),
        new("edge-linkless.xml", Rss, 5, 3,
        [
            new("https://notes.example/n/1", "2024-05-03T09:00:00+00:00"),
            new("https://notes.example/n/2", "2024-05-02T09:00:00+00:00"),
            new("https://notes.example/n/3", "2024-05-01T09:00:00+00:00"),
        ]),
        new("edge-zones.xml", "application/rss+xml", 6, 6,
        [
            new("http://zones.example/?p=1", "2024-03-14T23:59:00-05:00"),
            new("http://zones.example/?p=2", "2024-05-04T07:05:00-07:00"),
            new("http://zones.example/?p=3", "2024-07-07T09:05:00+02:00"),
            new("http://zones.example/?p=4", "2024-02-01T12:00:00+00:00"),
            new("http://zones.example/?p=5", "2024-05-01T10:00:00+00:00"),
            new("http://zones.example/?p=6", "2024-04-15T06:30:00+00:00"),
        ]),
        new("edge-undated.xml", Atom, 3, 3,
        [
            new("https://undated.example/none", null),
            new("https://undated.example/placeholder", null),
            new("https://undated.example/updated", "2024-04-04T04:04:04+04:00"),
        ]),
    ];

    public static FeedFixture Named(string file) => All.Single(f => f.File == file);

    public static byte[] Load(string file)
    {
        using var stream = typeof(RealWorldFixtures).Assembly.GetManifestResourceStream("RealWorld." + file)
            ?? throw new FileNotFoundException($"Fixture {file} is not embedded in the test assembly");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
