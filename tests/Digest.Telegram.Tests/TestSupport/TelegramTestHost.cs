using Digest.Core.Conversation;
using Digest.TestKit.Conversation;
using Digest.TestKit.Logging;
using Digest.TestKit.Telegram;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Digest.Telegram.Tests.TestSupport;

/// <summary>The adapter wired as the app wires it (AddDigestTelegram), pointed at a fake server, with a scripted conversation.</summary>
public sealed class TelegramTestHost : IAsyncDisposable
{
    private TelegramTestHost(IHost host, ConversationScript script, CapturedLogs logs)
    {
        Host = host;
        Script = script;
        Logs = logs;
    }

    public IHost Host { get; }

    public ConversationScript Script { get; }

    public CapturedLogs Logs { get; }

    public IServiceProvider Services => Host.Services;

    /// <summary>Settings for the fake, plus <paramref name="extra"/> ("Telegram:Mode" = "Webhook", …).</summary>
    public static Dictionary<string, string?> Settings(FakeTelegramServer server, params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = FakeTelegramServer.DefaultToken,
            ["Telegram:ApiBaseUrl"] = server.BaseUrl.ToString(),
            ["Telegram:PollingErrorDelay"] = "00:00:00.100",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }
        return settings;
    }

    /// <summary>Builds the host; started (hosted services run: polling) only when <paramref name="start"/>.</summary>
    public static async Task<TelegramTestHost> CreateAsync(IDictionary<string, string?> settings, bool start = true)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        var logs = new CapturedLogs();
        builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
        var script = new ConversationScript();
        builder.Services.AddSingleton(script);
        builder.Services.AddScoped<IConversation, ScriptedConversation>();
        builder.Services.AddMenuCommands();
        builder.Services.AddDigestTelegram(builder.Configuration);
        var host = builder.Build();
        if (start)
        {
            await host.StartAsync();
        }
        return new TelegramTestHost(host, script, logs);
    }

    public async ValueTask DisposeAsync()
    {
        // StopAsync on a host that never started throws.
        if (Host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.IsCancellationRequested)
        {
            await Host.StopAsync();
        }
        Host.Dispose();
    }
}
