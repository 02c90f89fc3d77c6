using System.Globalization;
using System.Net;
using System.Text.Json;
using Digest.Core.Delivery;
using Digest.Core.Subscriptions;
using Digest.Integration.Tests.Support;
using Digest.TestKit.Telegram;

namespace Digest.Integration.Tests.Hosting;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Health_is_200_and_healthy_with_the_database_reachable_and_telegram_closed()
    {
        using var dir = new TestDirectory();
        await using var telegram = await FakeTelegramServer.StartAsync();
        await using var service = await RunningService.BuildAsync(dir.DatabasePath, TestApp.Telegram(telegram.BaseUrl));
        await service.StartAsync();

        var (status, body) = await service.HealthAsync();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.True(body.GetProperty("database").GetProperty("reachable").GetBoolean());
        Assert.False(body.GetProperty("database").TryGetProperty("error", out _));
        Assert.Equal(JsonValueKind.Null, body.GetProperty("collect").ValueKind);
        var outbox = body.GetProperty("outbox");
        Assert.Equal(0, outbox.GetProperty("owed").GetInt32());
        Assert.Equal(JsonValueKind.Null, outbox.GetProperty("oldest_owed_since").ValueKind);
        Assert.Equal(JsonValueKind.Null, outbox.GetProperty("oldest_owed_age_seconds").ValueKind);
        Assert.Equal(0, outbox.GetProperty("failed").GetInt32());
        var platform = Assert.Single(body.GetProperty("platforms").EnumerateArray());
        Assert.Equal("telegram", platform.GetProperty("platform").GetString());
        Assert.Equal("closed", platform.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, platform.GetProperty("open_since").ValueKind);
    }

    [Fact]
    public async Task Health_is_503_and_unhealthy_when_the_database_can_not_be_opened()
    {
        using var dir = new TestDirectory();
        var databasePath = Path.Combine(dir.Path, "data", "digest.db");
        await using var service = await RunningService.BuildAsync(databasePath, new Dictionary<string, string?>());
        await service.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await service.HealthAsync()).Status);

        UnreachableDatabase.Make(databasePath);
        var (status, body) = await service.HealthAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("unhealthy", body.GetProperty("status").GetString());
        var database = body.GetProperty("database");
        Assert.False(database.GetProperty("reachable").GetBoolean());
        Assert.False(string.IsNullOrWhiteSpace(database.GetProperty("error").GetString()));
        Assert.Equal(JsonValueKind.Null, body.GetProperty("collect").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("outbox").ValueKind);
    }

    [Fact]
    public async Task Health_is_503_while_the_telegram_circuit_is_open_and_names_the_error()
    {
        using var dir = new TestDirectory();
        await using var telegram = await FakeTelegramServer.StartAsync();
        var settings = TestApp.Telegram(telegram.BaseUrl);
        // Long enough that no probe closes the circuit while the test looks at it.
        settings["Delivery:CircuitMinBackoff"] = "00:10:00";
        settings["Delivery:CircuitMaxBackoff"] = "00:10:00";
        await using var service = await RunningService.BuildAsync(dir.DatabasePath, settings);
        await Seed.EditionAsync(service.Services, DateTimeOffset.UtcNow);
        await service.Get<ISubscriberStore>().SaveAsync(
            Subscriber.New("telegram", 701.ToString(CultureInfo.InvariantCulture), ChatKind.Private, null, DateTimeOffset.UtcNow) with
            {
                Active = true,
                Frequency = Frequency.Daily,
            },
            default);
        await service.StartAsync();
        await telegram.WaitUntilAsync(() => telegram.Commands.Count > 0, "the bot commands registered before the outage");

        telegram.StartOutage(502);
        await service.Get<DeliveryPlanner>().PlanEveryoneAsync(default);
        var (status, body) = await service.HealthUntilAsync((status, _) => status != HttpStatusCode.OK, "the circuit to open");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("unhealthy", body.GetProperty("status").GetString());
        Assert.True(body.GetProperty("database").GetProperty("reachable").GetBoolean());
        Assert.True(body.GetProperty("outbox").GetProperty("owed").GetInt32() > 0);
        var platform = Assert.Single(body.GetProperty("platforms").EnumerateArray());
        Assert.Equal("telegram", platform.GetProperty("platform").GetString());
        Assert.NotEqual("closed", platform.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.String, platform.GetProperty("open_since").ValueKind);
        Assert.Equal(JsonValueKind.String, platform.GetProperty("next_probe_at").ValueKind);
        Assert.Contains("Bad Gateway", platform.GetProperty("last_error").GetString(), StringComparison.Ordinal);
        Assert.Empty(telegram.Messages(701));
    }
}
