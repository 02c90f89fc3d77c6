using Digest.App.Hosting;
using Digest.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Digest.Bench;

/// <summary>The real application on a fresh SQLite file in a temp directory, quiet logs, the fakes' addresses as settings.</summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string _directory;
    private readonly bool _ownsDirectory;

    private BenchHost(IHost host, string directory, bool ownsDirectory)
    {
        _host = host;
        _directory = directory;
        _ownsDirectory = ownsDirectory;
    }

    public string DatabasePath => Path.Combine(_directory, "digest.db");

    public IServiceProvider Services => _host.Services;

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    /// <param name="directory">A directory the caller keeps (and deletes); by default a temp one that goes with the host.</param>
    public static async Task<BenchHost> StartAsync(Dictionary<string, string?> settings, bool delivery, string? directory = null)
    {
        var owns = directory is null;
        directory ??= Directory.CreateTempSubdirectory("digest-bench-").FullName;
        settings["Storage:Path"] = Path.Combine(directory, "digest.db");
        settings.TryAdd("Llm:ApiKey", "");
        var builder = DigestHostBuilder.CreateHost(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddDigestPipeline(builder.Configuration);
        if (delivery)
        {
            builder.Services.AddDigestDelivery(builder.Configuration);
        }
        var host = builder.Build();
        await host.Services.MigrateDigestStorageAsync(CancellationToken.None);
        await host.StartAsync();
        return new BenchHost(host, directory, owns);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_ownsDirectory)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
