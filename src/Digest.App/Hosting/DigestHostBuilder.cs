using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Digest.App.Hosting;

/// <summary>Configuration sources and logging shared by every verb.</summary>
internal static class DigestHostBuilder
{
    public static HostApplicationBuilder Create(IDictionary<string, string?>? overrides = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        // appsettings.json (+ environment file) come from the host; then DIGEST__-prefixed variables and user-secrets.
        builder.Configuration.AddEnvironmentVariables(prefix: "DIGEST__");
        builder.Configuration.AddUserSecrets(typeof(DigestHostBuilder).Assembly, optional: true);
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        builder.Logging.ClearProviders();
        // Logs go to stderr: stdout carries the digest itself.
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        // HttpClient logs every request URL at Information; bot tokens live in URLs.
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("Quartz", LogLevel.Warning);
        return builder;
    }
}
