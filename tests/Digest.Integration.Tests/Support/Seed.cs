using Digest.Core.Articles;
using Digest.Core.Collecting;
using Digest.Core.Editions;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Integration.Tests.Support;

/// <summary>Stored articles and a composed edition, through the app's own stores and composer (offline assessor).</summary>
public static class Seed
{
    private static readonly (string Title, string Text)[] Topics =
    [
        ("Training an LLM locally with gradient accumulation", "We train a GPT model on one GPU. Gradient accumulation gives larger batches for the LLM. The model converges after training on more data."),
        ("A ransomware exploit hits unpatched servers", "Attackers use a zero-day vulnerability to deploy ransomware. The CVE affects authentication. Patch now because the exploit is public and the attack spreads."),
        ("Why SQLite is fast enough for most databases", "SQLite performance surprises people. The database uses a simple architecture with a page cache. Latency stays low for most workloads on one machine."),
        ("Datasette 1.0 alpha release with a new plugin API", "The new release of the open source tool ships a plugin framework. The package adds a CLI extension. Version 1.0 alpha is on GitHub."),
        ("On the culture of software management and careers", "I think management culture shapes careers. This essay argues we should reflect on hiring. Thoughts on the future of the society of engineers."),
        ("Phishing attack steals passwords from a password manager", "The phishing attack targets password manager users. Attackers stole passwords through a fake authentication page. The breach shows why security matters."),
    ];

    public static async Task<IReadOnlyList<Article>> ArticlesAsync(IServiceProvider services, DateTimeOffset now, int count = 6)
    {
        var articles = Enumerable.Range(0, count).Select(i =>
        {
            var (title, text) = Topics[i % Topics.Length];
            var suffix = i < Topics.Length ? "" : $" (part {i / Topics.Length + 1})";
            return new NewArticle($"https://blog{i}.example.com/post/{i}", $"guid-{i}", $"https://blog{i}.example.com/feed", $"blog{i}.example.com",
                title + suffix, text, now.AddHours(-1 - i), now);
        }).ToList();
        // Followed feeds: an edition is made of the service's own feeds' articles.
        foreach (var article in articles)
        {
            await services.GetRequiredService<IFeedStore>().AddAsync(new FeedSource(article.FeedUrl, article.Source), CancellationToken.None);
        }
        return await services.GetRequiredService<IArticleStore>().AddNewAsync(articles, CancellationToken.None);
    }

    public static async Task<Edition> EditionAsync(IServiceProvider services, DateTimeOffset now, int articles = 6)
    {
        await ArticlesAsync(services, now, articles);
        return await services.GetRequiredService<DailyEditionService>().ComposeAsync(null, null, CancellationToken.None);
    }
}
