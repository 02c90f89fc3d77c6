using Digest.Core.Delivery;
using Digest.Core.Subscriptions;
using Digest.Discord.Gateway;
using Digest.Discord.Receiving;
using Digest.Discord.Rendering;
using Digest.Discord.Rest;
using Digest.Discord.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using DiscordChannel = Digest.Discord.Sending.DiscordChannel;

namespace Digest.Discord;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// The Discord adapter from section "Discord": the REST client, the renderer, <see cref="DiscordChannel"/> as an
    /// <see cref="IChannel"/>, the webhook-only destinations from configuration, and — with a bot token — the gateway,
    /// slash commands and the conversation. Without a token or a webhook it only logs at start that Discord is off.
    /// The app registers the core's IConversation, its commands, an IChartRenderer and the subscriber store.
    /// </summary>
    public static IServiceCollection AddDigestDiscord(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(DiscordOptions.SectionName);
        var settings = section.Get<DiscordOptions>() ?? new DiscordOptions();
        if (!settings.IsConfigured)
        {
            services.AddHostedService<DiscordOffNotice>();
            return services;
        }

        services.AddOptions<DiscordOptions>().Bind(section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddDiscordRestClient();
        services.AddDiscordRendering();
        services.TryAddSingleton<DiscordWebhooks>();
        services.TryAddSingleton<DiscordChannel>();
        services.AddSingleton<IChannel>(sp => sp.GetRequiredService<DiscordChannel>());
        // Also with no webhook left in configuration: removing the last one must deactivate its subscription.
        services.TryAddSingleton<WebhookSubscriptions>();
        services.AddSingleton<IConfiguredSubscriptions>(sp => sp.GetRequiredService<WebhookSubscriptions>());
        services.AddHostedService(sp => sp.GetRequiredService<WebhookSubscriptions>());
        if (settings.IsBotConfigured)
        {
            // Discord:GatewayUrl is the short spelling of Discord:Gateway:Url (tests point it at their fake).
            var gatewayUrl = configuration[$"{DiscordOptions.SectionName}:GatewayUrl"];
            services.AddOptions<GatewayOptions>()
                .Bind(configuration.GetSection(GatewayOptions.SectionName))
                .PostConfigure(o => o.Url = string.IsNullOrWhiteSpace(gatewayUrl) ? o.Url : gatewayUrl);
            services.AddOptions<DiscordReceivingOptions>().Bind(configuration.GetSection(DiscordReceivingOptions.SectionName));
            services.AddDiscordReceiving();
        }
        return services;
    }
}
