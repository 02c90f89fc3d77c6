using Digest.Core.Articles;
using Digest.Core.Assessing;
using Digest.Core.Collecting;
using Digest.Core.Conversation.Memory;
using Digest.Core.Delivery;
using Digest.Core.Editions;
using Digest.Core.Retention;
using Digest.Core.Subscriptions;
using Digest.Storage.Articles;
using Digest.Storage.Assessing;
using Digest.Storage.Collecting;
using Digest.Storage.Conversation;
using Digest.Storage.Delivery;
using Digest.Storage.Editions;
using Digest.Storage.Retention;
using Digest.Storage.Subscriptions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Digest.Storage;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// The SQLite database and every storage port, as singletons. The app must await
    /// <see cref="SqliteDatabase.MigrateAsync"/> (or <c>MigrateDigestStorageAsync</c>) before using them.
    /// </summary>
    public static IServiceCollection AddDigestStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .Validate(o => o.Validate() is null, "Storage:Path must be a valid database file path.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SqliteDatabase>();
        services.AddSingleton<IArticleStore, SqliteArticleStore>();
        services.AddSingleton<IFeedStore, SqliteFeedStore>();
        services.AddSingleton<IAssessmentStore, SqliteAssessmentStore>();
        services.AddSingleton<ILlmUsageLog, SqliteLlmUsageLog>();
        services.AddSingleton<IEditionStore, SqliteEditionStore>();
        services.AddSingleton<ISubscriberStore, SqliteSubscriberStore>();
        services.AddSingleton<IOutbox, SqliteOutbox>();
        services.AddSingleton<IRetentionStore, SqliteRetentionStore>();
        services.AddSingleton<IChatMemory, SqliteChatMemory>();
        return services;
    }

    /// <summary>Brings the database schema up to date; call once at start, before anything touches storage.</summary>
    public static Task MigrateDigestStorageAsync(this IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<SqliteDatabase>().MigrateAsync(ct);
}
