using System.Text.Json;
using Digest.App.Cli;
using Digest.App.Jobs;
using Digest.Core.Conversation;
using Digest.Core.Delivery;
using Digest.Integration.Tests.Support;
using Digest.TestKit.Telegram;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace Digest.Integration.Tests.Hosting;

public sealed class RunServiceTests
{
    [Fact]
    public async Task The_service_starts_with_every_part_wired_answers_health_and_registers_the_bot_commands()
    {
        using var dir = new TestDirectory();
        await using var telegram = await FakeTelegramServer.StartAsync();
        var settings = TestApp.Telegram(telegram.BaseUrl);
        settings["Storage:Path"] = dir.DatabasePath;
        settings["Urls"] = "http://127.0.0.1:0";
        settings["Schedule:CollectOnStart"] = "false";

        await using var app = RunCommand.Build(settings);
        await app.Services.GetRequiredService<Digest.Storage.SqliteDatabase>().MigrateAsync(default);
        await app.StartAsync();

        Assert.Contains(app.Services.GetServices<IChannel>(), c => c.Platform == "telegram");
        Assert.IsType<ConversationRouter>(app.Services.GetRequiredService<IConversation>());
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.Equal(["collect", "retention"], (await scheduler.GetJobKeys(GroupMatcher<JobKey>.AnyGroup())).Select(k => k.Name).Order());
        Assert.Contains(app.Services.GetServices<IHostedService>(), s => s is DeliveryPlannerService);
        Assert.Contains(app.Services.GetServices<IHostedService>(), s => s is OutboxSenderService);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient();
        using var health = JsonDocument.Parse(await http.GetStringAsync(new Uri(new Uri(address), "/healthz")));
        Assert.Equal("healthy", health.RootElement.GetProperty("status").GetString());

        // The menu is the handlers', in their order, without the operators' /feeds and /stats.
        await telegram.WaitUntilAsync(() => telegram.Commands.Count > 0, "the commands registered");
        Assert.Equal(
            ["start", "subscribe", "unsubscribe", "categories", "time", "timezone", "top", "digest", "settings", "help", "ask", "summary"],
            telegram.Commands.Select(c => c.Command));
        await app.StopAsync();
    }
}
