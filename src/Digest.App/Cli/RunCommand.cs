using Digest.App.Health;
using Digest.App.Hosting;
using Digest.App.Jobs;
using Digest.Storage;
using Digest.Telegram;
using Digest.Telegram.Webhook;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Digest.App.Cli;

/// <summary><c>digest run</c>: the long-running service — scheduled collection, editions and delivery, and the chats.</summary>
internal static class RunCommand
{
    public const string Usage = "run";

    public static async Task<int> RunAsync(CliArguments args, CancellationToken ct)
    {
        args.AllowOnly();
        await using var app = Build(null);
        DigestApp.ValidateOptions(app.Services);
        await app.Services.GetRequiredService<SqliteDatabase>().MigrateAsync(ct);
        var urls = app.Configuration[WebHostDefaults.ServerUrlsKey];
        try
        {
            await app.StartAsync(ct);
        }
        catch (Exception ex) when (ListenFailure.From(ex, urls) is { } failure)
        {
            throw failure;
        }
        await app.WaitForShutdownAsync(ct);
        return 0;
    }

    /// <summary>The whole service; tests build it too, with their fakes' addresses as overrides.</summary>
    public static WebApplication Build(IDictionary<string, string?>? overrides, Action<IServiceCollection>? replace = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        DigestHostBuilder.Configure(builder, overrides);
        var startLog = HostStartLog.QuietUntilStarted(builder.Logging);
        builder.Services.AddDigestPipeline(builder.Configuration);
        builder.Services.AddDigestDelivery(builder.Configuration);
        builder.Services.AddSectionOptions<ScheduleOptions>(builder.Configuration, "Schedule");
        builder.Services.AddDigestSchedule(builder.Configuration);
        builder.Services.AddDigestHealth();
        replace?.Invoke(builder.Services);
        WebServerFirst.Configure(builder);

        var app = builder.Build();
        startLog.Watch(app.Lifetime);
        app.MapDigestHealth();
        if (app.Services.GetRequiredService<IOptions<TelegramOptions>>().Value is { IsConfigured: true, Mode: TelegramMode.Webhook })
        {
            app.MapTelegramWebhook();
        }
        return app;
    }
}
