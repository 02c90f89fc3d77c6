using Digest.App.Hosting;
using Digest.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Digest.Integration.Tests.Support;

/// <summary>
/// The real application (every adapter, real SQLite file) built the way the CLI builds it, with the fakes'
/// addresses as configuration. Stopping it and building another on the same directory is a restart.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    private readonly IHost _host;

    private TestApp(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    public static async Task<TestApp> StartAsync(
        TestDirectory directory,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? replace = null,
        bool delivery = true)
    {
        var overrides = new Dictionary<string, string?>
        {
            ["Storage:Path"] = directory.DatabasePath,
            ["Llm:ApiKey"] = "",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }
        var builder = DigestHostBuilder.CreateHost(overrides);
        builder.Services.AddDigestPipeline(builder.Configuration);
        if (delivery)
        {
            builder.Services.AddDigestDelivery(builder.Configuration);
        }
        replace?.Invoke(builder.Services);
        var host = builder.Build();
        await host.Services.MigrateDigestStorageAsync(CancellationToken.None);
        await host.StartAsync();
        return new TestApp(host);
    }

    /// <summary>Telegram at a fake Bot API server and the LLM at a fake OpenAI-compatible one (10 s timeout, no retries).</summary>
    public static Dictionary<string, string?> TelegramWithLlm(Uri baseUrl, Digest.TestKit.OpenAi.FakeOpenAiServer llm)
    {
        var settings = Telegram(baseUrl);
        foreach (var (key, value) in Pipeline.Support.PipelineSettings.WithLlm(llm, TimeSpan.FromSeconds(10), maxRetries: 0))
        {
            settings[key] = value;
        }
        return settings;
    }

    /// <summary>Settings that point Telegram at a fake Bot API server, with limits scaled like the fake's.</summary>
    public static Dictionary<string, string?> Telegram(Uri baseUrl, double rateScale = 1) => new()
    {
        ["Telegram:BotToken"] = "123456:TEST-token",
        ["Telegram:ApiBaseUrl"] = baseUrl.ToString(),
        ["Telegram:PollingErrorDelay"] = "00:00:00.200",
        ["Delivery:Limits:telegram:MessagesPerSecond"] = (30 * rateScale).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Delivery:Limits:telegram:PerChatPerSecond"] = (1 * rateScale).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Delivery:Limits:telegram:GroupPerMinute"] = ((int)(20 * rateScale)).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}

/// <summary>A temporary directory for one test's database, deleted afterwards.</summary>
public sealed class TestDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("digest-it-").FullName;

    public string DatabasePath => System.IO.Path.Combine(Path, "digest.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a closing connection: the OS temp cleaner takes it.
        }
    }
}
