using System.Globalization;
using Digest.Core.Delivery;
using Digest.Core.Subscriptions;
using Digest.TestKit.Telegram;
using Microsoft.Extensions.Time.Testing;

namespace Digest.Integration.Tests.Support;

/// <summary>
/// The app against a fake Bot API server (limits scaled ×10 on both sides), with an edition composed at
/// a given time on a fake clock that the planner shares.
/// </summary>
public sealed class DeliveryScenario(TestDirectory directory, FakeTelegramServer telegram, TestApp app, FakeTimeProvider clock) : IAsyncDisposable
{
    public TestDirectory Directory { get; } = directory;

    public FakeTelegramServer Telegram { get; } = telegram;

    public TestApp App { get; } = app;

    public FakeTimeProvider Clock { get; } = clock;

    public static async Task<DeliveryScenario> StartAsync(DateTimeOffset composedAt, IDictionary<string, string?>? settings = null)
    {
        var directory = new TestDirectory();
        var telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { RateScale = 10 });
        var all = TestApp.Telegram(telegram.BaseUrl, rateScale: 10);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }
        var app = await TestApp.StartAsync(directory, all);
        var clock = new FakeTimeProvider(composedAt);
        await Seed.ArticlesAsync(app.Services, composedAt);
        await Clocks.Composer(app.Services, clock).ComposeAsync(null, null, default);
        return new DeliveryScenario(directory, telegram, app, clock);
    }

    public Task<Subscriber> SubscribeAsync(long chat, ChatKind kind = ChatKind.Private, string zone = "UTC", TimeOnly? at = null) =>
        App.Get<ISubscriberStore>().SaveAsync(
            Subscriber.New("telegram", chat.ToString(CultureInfo.InvariantCulture), kind, null, Clock.GetUtcNow()) with
            {
                Active = true,
                Frequency = Frequency.Daily,
                TimeZone = zone,
                DeliveryTime = at ?? Subscriber.DefaultDeliveryTime,
            },
            default);

    /// <summary>Plans at the fake clock's time and sends until nothing is due.</summary>
    public async Task PlanAndSendAsync()
    {
        await Clocks.Planner(App.Services, Clock).PlanDueAsync(default);
        await App.Get<OutboxSender>().RunAsync(untilIdle: true, default);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Telegram.DisposeAsync();
        Directory.Dispose();
    }
}
