using Digest.Core.Delivery;
using Digest.Telegram.Client;
using Digest.Telegram.Polling;
using Digest.Telegram.Receiving;
using Digest.Telegram.Sending;
using Digest.Telegram.Webhook;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Digest.Telegram;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// The Telegram adapter from section "Telegram": the client, <see cref="TelegramChannel"/> as an <see cref="IChannel"/>,
    /// and long polling, or the webhook's registration, queue and worker (the app maps the endpoint with MapTelegramWebhook).
    /// Without Telegram:BotToken it only logs at start that Telegram is off.
    /// The core's IConversation must be registered by the app.
    /// </summary>
    public static IServiceCollection AddDigestTelegram(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(TelegramOptions.SectionName);
        var settings = section.Get<TelegramOptions>() ?? new TelegramOptions();
        if (!settings.IsConfigured)
        {
            services.AddHostedService<TelegramOffNotice>();
            return services;
        }

        services.AddOptions<TelegramOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddTelegramClient();
        services.AddSingleton<TelegramChannel>();
        services.AddSingleton<IChannel>(sp => sp.GetRequiredService<TelegramChannel>());
        services.AddSingleton<ChatAdmins>();
        services.AddSingleton<TelegramUpdateHandler>();
        if (settings.Mode == TelegramMode.Webhook)
        {
            services.AddSingleton(_ => new WebhookQueue());
            services.AddHostedService<TelegramWebhookService>();
            services.AddHostedService<TelegramWebhookWorker>();
        }
        else
        {
            services.AddHostedService<TelegramPollingService>();
        }
        return services;
    }
}
