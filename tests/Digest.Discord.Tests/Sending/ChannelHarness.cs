using Digest.Discord.Sending;
using Digest.Discord.Tests.TestSupport;
using Digest.Discord.Tests.Webhooks;
using Digest.Discord.Webhooks;
using Digest.TestKit.Discord;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Digest.Discord.Tests.Sending;

/// <summary>
/// A <see cref="DiscordChannel"/> over the real client against the fake, with one webhook configured by a discord.com
/// URL (only its id and token count: the request goes to the fake).
/// </summary>
public sealed class ChannelHarness : IAsyncDisposable
{
    public const string Channel = "1200000000000000001";
    public const string WebhookId = "1400000000000000001";
    public const string WebhookToken = "hook-Secret_token123";
    public const string WebhookChatId = "webhook:" + WebhookId;

    private readonly ILoggerFactory _loggers;

    private ChannelHarness(DiscordTestHost host)
    {
        Host = host;
        _loggers = LoggerFactory.Create(b => b.AddProvider(host.Logs).SetMinimumLevel(LogLevel.Trace));
        var webhooks = new DiscordWebhooks(Options.Create(new DiscordOptions
        {
            ApiBaseUrl = host.Server.ApiBaseUrl,
            WebhookUrl = $"https://discord.com/api/webhooks/{WebhookId}/{WebhookToken}",
        }));
        Discord = new DiscordChannel(host.Client, webhooks, Subscribers, _loggers.CreateLogger<DiscordChannel>());
    }

    public DiscordTestHost Host { get; }

    public FakeDiscordServer Server => Host.Server;

    public InMemorySubscriberStore Subscribers { get; } = new();

    /// <summary>The channel under test.</summary>
    public DiscordChannel Discord { get; }

    public static async Task<ChannelHarness> StartAsync(Action<DiscordOptions>? configure = null) =>
        new(await DiscordTestHost.StartAsync(configure: configure));

    public async ValueTask DisposeAsync()
    {
        _loggers.Dispose();
        await Host.DisposeAsync();
    }
}
