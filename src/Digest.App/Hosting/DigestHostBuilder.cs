using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Digest.App.Hosting;

/// <summary>Configuration sources and logging shared by every verb and host kind.</summary>
internal static class DigestHostBuilder
{
    public static HostApplicationBuilder CreateHost(IDictionary<string, string?>? overrides = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        Configure(builder, overrides);
        return builder;
    }

    /// <summary>appsettings.json (from the host), then DIGEST__ variables (DIGEST__LLM__APIKEY → Llm:ApiKey), user-secrets, overrides.</summary>
    public static void Configure(IHostApplicationBuilder builder, IDictionary<string, string?>? overrides)
    {
        builder.Configuration.AddEnvironmentVariables(prefix: "DIGEST__");
        builder.Configuration.AddUserSecrets(typeof(DigestHostBuilder).Assembly, optional: true);
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        // A safety net, not the plan: every loop (planner, sender, polling) already logs a failure and goes on, so a
        // BackgroundService that still ends with an exception is a bug that should cost that loop, not the whole bot.
        builder.Services.Configure<HostOptions>(o => o.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.Ignore);

        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        // Logs go to stderr: stdout carries the digest itself.
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        // HttpClient logs every request URL at Information, and a bot token is part of Telegram's URLs.
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("Quartz", LogLevel.Warning);
    }
}
