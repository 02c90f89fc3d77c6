using Digest.Core.Conversation;
using Digest.Discord.Gateway;
using Digest.Discord.Receiving;
using Digest.TestKit.Conversation;
using Digest.TestKit.Discord;
using Digest.TestKit.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Digest.Discord.Tests.Receiving;

/// <summary>
/// The receiving side as the app runs it: the real gateway client against a fake gateway, the real REST client against
/// a fake server, a scripted conversation and stub commands, in a started host.
/// </summary>
public sealed class ReceivingHost : IAsyncDisposable
{
    private ReceivingHost(IHost host, FakeDiscordServer server, FakeDiscordGateway gateway, ConversationScript script, CapturedLogs logs)
    {
        Host = host;
        Server = server;
        Gateway = gateway;
        Script = script;
        Logs = logs;
    }

    public IHost Host { get; }

    public FakeDiscordServer Server { get; }

    public FakeDiscordGateway Gateway { get; }

    public ConversationScript Script { get; }

    public CapturedLogs Logs { get; }

    public DiscordGatewayClient Client => Host.Services.GetRequiredService<DiscordGatewayClient>();

    internal DiscordGatewayService Service => Host.Services.GetServices<IHostedService>().OfType<DiscordGatewayService>().Single();

    public static async Task<ReceivingHost> StartAsync(
        Action<DiscordReceivingOptions>? configure = null,
        Action<DiscordOptions>? configureDiscord = null,
        FakeDiscordGatewayOptions? fakeGateway = null,
        string token = FakeDiscordServer.DefaultToken,
        Action<FakeDiscordServer>? prepare = null)
    {
        var server = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { Token = FakeDiscordServer.DefaultToken });
        prepare?.Invoke(server);
        var gateway = await FakeDiscordGateway.StartAsync(fakeGateway ?? new FakeDiscordGatewayOptions { HeartbeatInterval = TimeSpan.FromSeconds(30) });
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var logs = new CapturedLogs();
        builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
        var script = new ConversationScript();
        builder.Services.AddSingleton(script);
        builder.Services.AddScoped<IConversation, ScriptedConversation>();
        builder.Services.AddStubCommands();
        builder.Services.Configure<DiscordOptions>(o =>
        {
            o.BotToken = token;
            o.ApiBaseUrl = server.ApiBaseUrl;
            configureDiscord?.Invoke(o);
        });
        builder.Services.Configure<GatewayOptions>(o =>
        {
            o.Url = gateway.Url;
            o.ReconnectDelay = TimeSpan.FromMilliseconds(50);
            o.MaxReconnectDelay = TimeSpan.FromMilliseconds(200);
            o.CloseTimeout = TimeSpan.FromMilliseconds(500);
        });
        builder.Services.Configure<DiscordReceivingOptions>(o =>
        {
            o.CommandRetryDelay = TimeSpan.FromMilliseconds(100);
            configure?.Invoke(o);
        });
        builder.Services.AddDiscordReceiving();
        var host = builder.Build();
        await host.StartAsync();
        return new ReceivingHost(host, server, gateway, script, logs);
    }

    /// <summary>Waits until the client has a session, so dispatches reach it at once.</summary>
    public async Task WaitReadyAsync() =>
        await Gateway.WaitUntilAsync(g => g.HasLiveConnection && g.SessionId is { } id && Client.SessionId == id && Client.BotUserId is not null, "READY");

    /// <summary>Polls the fake REST server until <paramref name="count"/> requests to <paramref name="route"/> have arrived.</summary>
    public async Task<IReadOnlyList<DiscordRecordedRequest>> WaitForRequestsAsync(string route, int count = 1)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (Server.RequestsTo(route).Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{Server.RequestsTo(route).Count} of {count} requests to {route} arrived.");
            }
            await Task.Delay(10);
        }
        return Server.RequestsTo(route);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
        await Gateway.DisposeAsync();
        await Server.DisposeAsync();
    }
}
