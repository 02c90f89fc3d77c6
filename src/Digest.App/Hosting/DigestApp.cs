using Digest.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Digest.App.Hosting;

/// <summary>Builds and starts the host for one-shot verbs: options validated, database migrated.</summary>
internal static class DigestApp
{
    public static async Task<IHost> StartAsync(IDictionary<string, string?>? overrides, CancellationToken ct)
    {
        var builder = DigestHostBuilder.CreateHost(overrides);
        builder.Services.AddDigestPipeline(builder.Configuration);
        var host = builder.Build();
        try
        {
            await host.Services.GetRequiredService<SqliteDatabase>().MigrateAsync(ct);
            await host.StartAsync(ct);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }
}
