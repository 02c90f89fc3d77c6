using Digest.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Digest.App.Hosting;

/// <summary>Builds and starts the host for one-shot verbs: options validated, database migrated.</summary>
internal static class DigestApp
{
    /// <summary>Checks every validated option now, so a bad setting is one clear message instead of a failed host start.</summary>
    public static void ValidateOptions(IServiceProvider services) => services.GetService<IStartupValidator>()?.Validate();

    public static async Task<IHost> StartAsync(IDictionary<string, string?>? overrides, CancellationToken ct)
    {
        var builder = DigestHostBuilder.CreateHost(overrides);
        builder.Services.AddDigestPipeline(builder.Configuration);
        var host = builder.Build();
        try
        {
            ValidateOptions(host.Services);
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
