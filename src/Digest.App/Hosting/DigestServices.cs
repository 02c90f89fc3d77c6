using Digest.App.Jobs;
using Digest.Charts;
using Digest.Core.Assessing;
using Digest.Core.Collecting;
using Digest.Core.Conversation;
using Digest.Core.Conversation.Asking;
using Digest.Core.Conversation.Commands;
using Digest.Core.Conversation.Links;
using Digest.Core.Conversation.Settings;
using Digest.Core.Delivery;
using Digest.Core.Editions;
using Digest.Core.Retention;
using Digest.Core.Weekly;
using Digest.Discord;
using Digest.Feeds;
using Digest.Llm;
using Digest.Llm.Answering;
using Digest.Llm.Settings;
using Digest.Llm.Weekly;
using Digest.Storage;
using Digest.Telegram;
using Digest.Telegram.Rendering;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Digest.App.Hosting;

/// <summary>The one place that wires the core to its adapters.</summary>
internal static class DigestServices
{
    /// <summary>Set (e.g. by --offline) to assess offline even when an LLM key is configured.</summary>
    public const string OfflineKey = "Llm:Offline";

    public static IServiceCollection AddDigestPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        // The pace of a run; FeedOptions (Digest.Feeds) holds the other "Feeds" keys, the limits of each request.
        services.AddSectionOptions<CollectOptions>(configuration, "Feeds");
        services.AddSectionOptions<AssessOptions>(configuration, "Llm");
        services.AddSectionOptions<EditionOptions>(configuration, "Edition");
        services.AddSectionOptions<RetentionOptions>(configuration, "Retention");

        services.AddDigestStorage(configuration);
        services.AddDigestFeeds(configuration);
        services.AddDigestLlm(configuration);

        services.AddSingleton<OfflineAssessor>();
        services.AddSingleton<IAssessor>(sp => UsesLlm(sp, configuration)
            ? sp.GetRequiredService<LlmAssessor>()
            : sp.GetRequiredService<OfflineAssessor>());
        services.AddSingleton<FeedCatalog>();
        services.AddSingleton<Collector>();
        services.AddSingleton<AssessmentService>();
        services.AddSingleton<DailyEditionService>();
        services.AddSingleton<CollectAndAssess>();

        // The weekly briefing: its material, its writer (the LLM, else offline) and the service that stores it.
        services.AddSingleton<WeeklyMaterialBuilder>();
        services.AddSingleton<OfflineBriefingWriter>();
        services.AddSingleton<IBriefingWriter>(sp => UsesLlm(sp, configuration)
            ? sp.GetRequiredService<LlmBriefingWriter>()
            : sp.GetRequiredService<OfflineBriefingWriter>());
        services.AddSingleton<BriefingAuthor>();
        services.AddSingleton<WeeklyEditionService>();
        return services;
    }

    /// <summary>Chat platforms, rendering for them, the conversation, and the delivery outbox.</summary>
    public static IServiceCollection AddDigestDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSectionOptions<DeliveryOptions>(configuration, "Delivery");
        services.AddDigestCharts();
        services.AddTelegramRendering();
        services.AddDigestTelegram(configuration);
        services.AddDigestDiscord(configuration);

        // One of each per process: the circuits are what every sender run and /healthz see of a platform, and the
        // signals connect whoever enqueues or asks for an edition with the sender and the planner.
        services.AddSingleton<PlatformCircuits>();
        services.AddSingleton<DeliverySignals>();
        services.AddSingleton<DeliveryPlanner>();
        services.AddSingleton<OutboxSender>();

        services.AddSingleton<ICommand, StartCommand>();
        services.AddSingleton<ICommand, SubscribeCommand>();
        services.AddSingleton<ICommand, UnsubscribeCommand>();
        services.AddSingleton<ICommand, CategoriesCommand>();
        services.AddSingleton<ICommand, TimeCommand>();
        services.AddSingleton<ICommand, TimeZoneCommand>();
        services.AddSingleton<ICommand, TopCommand>();
        services.AddSingleton<ICommand, DigestCommand>();
        services.AddSingleton<ICommand, SettingsCommand>();
        services.AddSingleton<ICommand, HelpCommand>();
        services.AddSingleton<ICommand, AskCommand>();
        services.AddSingleton<ICommand, SummaryCommand>();
        services.AddSingleton<ICommand, FeedListCommand>();
        services.AddSingleton<ICommand, UsageCommand>();
        services.AddSingleton<IConversation, ConversationRouter>();

        // The conversation beyond commands: questions, links, settings in plain words.
        services.AddSingleton<OfflineAnswerer>();
        services.AddSingleton<IAnswerer>(sp => UsesLlm(sp, configuration)
            ? sp.GetRequiredService<LlmAnswerer>()
            : sp.GetRequiredService<OfflineAnswerer>());
        services.AddSingleton<Retrieval>();
        services.AddSingleton<QuestionService>();
        services.AddSingleton<LinkSummaries>();
        services.AddSingleton<GrammarSettingsReader>();
        services.AddSingleton<ISettingsReader>(sp => UsesLlm(sp, configuration)
            ? sp.GetRequiredService<LlmSettingsReader>()
            : sp.GetRequiredService<GrammarSettingsReader>());
        services.AddSingleton<SettingsInPlainWords>();
        services.AddSectionOptions<ConversationOptions>(configuration, "Conversation");
        services.AddSingleton<ChatLimits>();
        services.AddSingleton<ChatAssistant>();
        return services;
    }

    /// <summary>The one "LLM, else offline" choice: an API key is set and --offline was not given.</summary>
    private static bool UsesLlm(IServiceProvider services, IConfiguration configuration) =>
        services.GetRequiredService<IOptions<LlmOptions>>().Value.IsConfigured && !configuration.GetValue<bool>(OfflineKey);
}
