using Digest.Discord.Gateway;
using Digest.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Digest.Discord.Receiving;

/// <summary>
/// Talking to the bot on Discord: the gateway, its hosted service and what it hands events to. Binding
/// <see cref="DiscordOptions"/>, <see cref="GatewayOptions"/> and <see cref="DiscordReceivingOptions"/> to
/// configuration is the caller's; register this only when Discord:BotToken is set (the gateway needs it).
/// </summary>
internal static class DiscordReceivingRegistration
{
    public static IServiceCollection AddDiscordReceiving(this IServiceCollection services)
    {
        services.AddDiscordRestClient();
        services.AddOptions<DiscordReceivingOptions>();
        services.AddOptions<GatewayOptions>();
        services.TryAddSingleton<DiscordGatewayClient>();
        services.TryAddSingleton<BotThreads>();
        services.TryAddSingleton<DiscordEventMapper>();
        services.TryAddSingleton<DiscordEventHandler>();
        services.TryAddSingleton<DiscordCommandRegistration>();
        services.AddHostedService<DiscordGatewayService>();
        return services;
    }
}
