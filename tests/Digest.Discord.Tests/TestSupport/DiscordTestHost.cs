using Digest.Discord.Rest;
using Digest.TestKit.Discord;
using Digest.TestKit.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Digest.Discord.Tests.TestSupport;

/// <summary>The real client, resolved from DI as the app will, against a fresh fake, with every log line captured.</summary>
public sealed class DiscordTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private DiscordTestHost(FakeDiscordServer server, ServiceProvider services, CapturedLogs logs)
    {
        Server = server;
        _services = services;
        Logs = logs;
        Client = services.GetRequiredService<DiscordRestClient>();
    }

    public FakeDiscordServer Server { get; }

    public DiscordRestClient Client { get; }

    public CapturedLogs Logs { get; }

    public static async Task<DiscordTestHost> StartAsync(FakeDiscordOptions? fake = null, Action<DiscordOptions>? configure = null)
    {
        var server = await FakeDiscordServer.StartAsync(fake ?? new FakeDiscordOptions { Token = FakeDiscordServer.DefaultToken });
        var logs = new CapturedLogs();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.Configure<DiscordOptions>(o =>
        {
            o.BotToken = FakeDiscordServer.DefaultToken;
            o.ApiBaseUrl = server.ApiBaseUrl;
            configure?.Invoke(o);
        });
        services.AddDiscordRestClient();
        return new DiscordTestHost(server, services.BuildServiceProvider(validateScopes: true), logs);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
