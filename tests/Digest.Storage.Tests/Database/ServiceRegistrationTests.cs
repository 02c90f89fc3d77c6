using Digest.Core.Articles;
using Digest.Core.Assessing;
using Digest.Core.Collecting;
using Digest.Core.Delivery;
using Digest.Core.Editions;
using Digest.Core.Retention;
using Digest.Core.Subscriptions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Digest.Storage.Tests.Database;

public sealed class ServiceRegistrationTests
{
    [Fact]
    public async Task Every_port_resolves_and_works_after_migrating_through_the_container()
    {
        var root = Path.Combine(Path.GetTempPath(), "digest-storage-tests", Guid.NewGuid().ToString("N"));
        try
        {
            await using (var services = Build(Path.Combine(root, "digest.db")))
            {
                await services.MigrateDigestStorageAsync(CancellationToken.None);

                Assert.NotNull(services.GetRequiredService<IArticleStore>());
                Assert.NotNull(services.GetRequiredService<IFeedStore>());
                Assert.NotNull(services.GetRequiredService<IAssessmentStore>());
                Assert.NotNull(services.GetRequiredService<IEditionStore>());
                Assert.NotNull(services.GetRequiredService<ISubscriberStore>());
                Assert.NotNull(services.GetRequiredService<IOutbox>());
                var pruned = await services.GetRequiredService<IRetentionStore>().PruneAsync(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, CancellationToken.None);
                Assert.Equal(0, pruned.Total);
                var usage = services.GetRequiredService<ILlmUsageLog>();
                Assert.Equal(0, (await usage.GetTotalsAsync(CancellationToken.None)).Calls);
                Assert.Same(services.GetRequiredService<IOutbox>(), services.GetRequiredService<IOutbox>());
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void An_invalid_path_fails_start_validation()
    {
        using var services = Build(" ");

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);
        Assert.ThrowsAny<Exception>(() => services.GetRequiredService<IStartupValidator>().Validate());
    }

    private static ServiceProvider Build(string path)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Path"] = path })
            .Build();
        return new ServiceCollection().AddDigestStorage(configuration).BuildServiceProvider();
    }
}
