using Digest.Discord.Gateway;
using Digest.TestKit.Discord;
using Digest.TestKit.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Digest.Discord.Tests.Gateway;

/// <summary>The real gateway client running against a fresh fake gateway, with short delays and every log line captured.</summary>
public sealed class GatewayHarness : IAsyncDisposable
{
    public const string Token = "MTEwMDAwMDAwMDAwMDAwMDAwMg.gateway.SECRET-token";

    private readonly CancellationTokenSource _stopping = new();
    private readonly ILoggerFactory _loggers;

    private GatewayHarness(FakeDiscordGateway gateway, DiscordGatewayClient client, CapturedLogs logs, ILoggerFactory loggers)
    {
        Gateway = gateway;
        Client = client;
        Logs = logs;
        _loggers = loggers;
        Run = client.RunAsync(_stopping.Token);
    }

    public FakeDiscordGateway Gateway { get; }

    public DiscordGatewayClient Client { get; }

    public CapturedLogs Logs { get; }

    /// <summary>The client's run, started with the harness.</summary>
    public Task Run { get; }

    public static async Task<GatewayHarness> StartAsync(
        FakeDiscordGatewayOptions? fake = null, Action<GatewayOptions>? configure = null, string token = Token)
    {
        var gateway = await FakeDiscordGateway.StartAsync(fake ?? new FakeDiscordGatewayOptions
        {
            Token = Token,
            HeartbeatInterval = TimeSpan.FromSeconds(30),
        });
        var options = new GatewayOptions
        {
            Url = gateway.Url,
            ReconnectDelay = TimeSpan.FromMilliseconds(50),
            MaxReconnectDelay = TimeSpan.FromMilliseconds(400),
            InvalidSessionMinDelay = TimeSpan.FromMilliseconds(50),
            InvalidSessionMaxDelay = TimeSpan.FromMilliseconds(100),
            CloseTimeout = TimeSpan.FromMilliseconds(500),
        };
        configure?.Invoke(options);
        var logs = new CapturedLogs();
        var loggers = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var client = new DiscordGatewayClient(
            Options.Create(new DiscordOptions { BotToken = token }), Options.Create(options), TimeProvider.System,
            loggers.CreateLogger<DiscordGatewayClient>());
        return new GatewayHarness(gateway, client, logs, loggers);
    }

    /// <summary>Waits until the client has a session: READY came, and it has been handled.</summary>
    public async Task WaitReadyAsync(int identifies = 1)
    {
        await Gateway.WaitUntilAsync(g => g.Identifies.Count >= identifies && g.SessionId is { } id && Client.SessionId == id, "READY");
    }

    public async Task<GatewayEvent> NextEventAsync(TimeSpan? timeout = null)
    {
        using var timer = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        return await Client.Events.ReadAsync(timer.Token);
    }

    /// <summary>No further event within <paramref name="wait"/>.</summary>
    public async Task AssertNoEventAsync(TimeSpan wait)
    {
        await Task.Delay(wait);
        Assert.False(Client.Events.TryRead(out var extra), $"unexpected {extra?.Type} s={extra?.Sequence}");
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await Run.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await Gateway.DisposeAsync();
        _loggers.Dispose();
        _stopping.Dispose();
    }
}
