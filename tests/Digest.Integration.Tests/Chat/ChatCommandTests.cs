using Digest.Feeds.FeedLists;
using Digest.Integration.Tests.Pipeline.Support;
using Digest.Integration.Tests.Support;
using Digest.TestKit.Feeds;

namespace Digest.Integration.Tests.Chat;

/// <summary>
/// `digest chat` as a person types into it: the real CLI in its own process, feeds on a local server, offline (no
/// key), a scripted session on stdin and the replies read from stdout.
/// </summary>
public sealed class ChatCommandTests
{
    private static readonly FixtureFeed[] Feeds =
    [
        new("/chat/dbweekly.xml", FeedFormat.Rss20, "dbweekly.example", TimeSpan.Zero,
        [
            new("Postgres 19 adds native temporal tables", "https://dbweekly.example/postgres-19-temporal", TimeSpan.FromHours(2),
                "<p>The next PostgreSQL release adds temporal tables: rows keep their history, and queries can ask what the "
                + "data looked like at any point in time. Teams that audit changes no longer need triggers for it.</p>"
                + "<p>The feature follows the SQL standard syntax, so migrations from other databases stay simple.</p>"),
        ]),
        new("/chat/coinwatch.atom", FeedFormat.Atom, "coinwatch.example", TimeSpan.FromHours(1),
        [
            new("A crypto exchange loses its hot wallet keys", "https://coinwatch.example/exchange-keys", TimeSpan.FromHours(3),
                "<p>An exchange lost the keys of its hot wallet to attackers who phished an engineer. Withdrawals are "
                + "paused while the exchange moves funds to new wallets and audits its signing process.</p>"),
        ]),
    ];

    [Fact]
    public async Task A_scripted_session_gets_its_digest_answers_from_it_settings_in_plain_words_and_a_refused_link()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        using var dir = new TestDirectory();
        await using var server = await FeedServer.StartAsync(guard.Token);
        var sources = FixtureFeed.PublishAll(server, Feeds, DateTimeOffset.UtcNow);
        var opml = Path.Combine(dir.Path, "feeds.opml");
        await File.WriteAllTextAsync(opml, Opml.Write(sources, "Chat test"), guard.Token);
        var environment = new Dictionary<string, string>
        {
            ["DIGEST__STORAGE__PATH"] = dir.DatabasePath,
            ["DIGEST__FEEDS__OPML"] = opml,
            ["DIGEST__FEEDS__WEEKLYOPML"] = BriefingWeek.LocalWeeklyList(server, dir.Path, DateTimeOffset.UtcNow),
            ["DIGEST__LLM__APIKEY"] = "",
        };
        const string session = """
            /digest
            why does the postgres release matter?
            what does #2 say about withdrawals?
            less crypto, more AI
            /settings
            /summary file:///etc/passwd
            http://169.254.169.254/latest/meta-data/
            hello
            """;

        using var chat = DigestProcess.StartTyping(dir.Path, environment, session + "\n", "chat");
        var exit = await chat.WaitForExitAsync(TimeSpan.FromSeconds(80));
        var output = chat.Output;

        Assert.True(exit == 0, output);
        // The digest, rendered as Markdown in the terminal, with both articles.
        Assert.Contains("# 📰 AI Daily Digest", output, StringComparison.Ordinal);
        Assert.Contains("https://dbweekly.example/postgres-19-temporal", output, StringComparison.Ordinal);
        // Answers come from the articles, cited by number with their links.
        Assert.Contains("[1] Postgres 19 adds native temporal tables — https://dbweekly.example/postgres-19-temporal", output, StringComparison.Ordinal);
        Assert.Contains("Withdrawals are paused", output, StringComparison.Ordinal);
        // Settings in plain words, confirmed and kept.
        Assert.Contains("Less crypto", output, StringComparison.Ordinal);
        Assert.Contains("• Muted: crypto", output, StringComparison.Ordinal);
        Assert.Contains("• Boosted: AI / ML", output, StringComparison.Ordinal);
        // Links that are not public web pages are refused in one line, and nothing is read from them.
        Assert.Contains("Only http and https links can be summarized.", output, StringComparison.Ordinal);
        Assert.Contains("That address is on a private network; I only read public web pages.", output, StringComparison.Ordinal);
        Assert.Contains("Send /help for the commands.", output, StringComparison.Ordinal);
    }
}
