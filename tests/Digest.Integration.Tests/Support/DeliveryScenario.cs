using System.Globalization;
using Digest.Core.Delivery;
using Digest.Core.Editions;
using Digest.Core.Subscriptions;
using Digest.TestKit.Telegram;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Digest.Integration.Tests.Support;

/// <param name="RateScale">The fake's limits and the app's, scaled alike (1 = Telegram's real limits).</param>
/// <param name="CommandsOnClock">Chat commands (/subscribe, /digest…) read the scenario's fake clock too.</param>
/// <param name="Compose">Whether an edition is composed at the start time; without, the database has articles but no edition.</param>
/// <param name="Replace">More changes to the app's services.</param>
public sealed record ScenarioOptions(
    double RateScale = 10, bool CommandsOnClock = false, bool Compose = true, Action<IServiceCollection>? Replace = null);

/// <summary>
/// The app against a fake Bot API server, with seeded articles (and an edition composed at the start time) on a fake
/// clock that the planner and its composer share; the sender keeps real time (see <see cref="Clocks"/>).
/// </summary>
public sealed class DeliveryScenario : IAsyncDisposable
{
    private DeliveryScenario(TestDirectory directory, FakeTelegramServer telegram, TestApp app, FakeTimeProvider clock)
    {
        Directory = directory;
        Telegram = telegram;
        App = app;
        Clock = clock;
        Planner = Clocks.Planner(app.Services, clock);
    }

    public TestDirectory Directory { get; }

    public FakeTelegramServer Telegram { get; }

    public TestApp App { get; }

    public FakeTimeProvider Clock { get; }

    /// <summary>The planner on <see cref="Clock"/>: one instance, as the app has one.</summary>
    public DeliveryPlanner Planner { get; }

    public static async Task<DeliveryScenario> StartAsync(
        DateTimeOffset startAt, IDictionary<string, string?>? settings = null, ScenarioOptions? options = null)
    {
        options ??= new ScenarioOptions();
        var directory = new TestDirectory();
        var telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { RateScale = options.RateScale });
        var all = TestApp.Telegram(telegram.BaseUrl, options.RateScale);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }
        var clock = new FakeTimeProvider(startAt);
        var app = await TestApp.StartAsync(directory, all, services =>
        {
            if (options.CommandsOnClock)
            {
                Clocks.CommandsOn(services, clock);
            }
            options.Replace?.Invoke(services);
        });
        await Seed.ArticlesAsync(app.Services, startAt);
        if (options.Compose)
        {
            await Clocks.Composer(app.Services, clock).ComposeAsync(null, null, default);
        }
        return new DeliveryScenario(directory, telegram, app, clock);
    }

    /// <summary>A daily subscriber; the subscription starts at <paramref name="since"/> (default: the clock's now).</summary>
    public Task<Subscriber> SubscribeAsync(
        long chat, ChatKind kind = ChatKind.Private, string zone = "UTC", TimeOnly? at = null, DateTimeOffset? since = null) =>
        App.Get<ISubscriberStore>().SaveAsync(
            Subscriber.New("telegram", chat.ToString(CultureInfo.InvariantCulture), kind, null, since ?? Clock.GetUtcNow()) with
            {
                Active = true,
                Frequency = Frequency.Daily,
                TimeZone = zone,
                DeliveryTime = at ?? Subscriber.DefaultDeliveryTime,
            },
            default);

    /// <summary>Moves the fake clock (forward only) to <paramref name="at"/> and plans once there.</summary>
    public Task<PlanResult> PlanAtAsync(DateTimeOffset at)
    {
        Clock.SetUtcNow(at);
        return Planner.PlanDueAsync(default);
    }

    /// <summary>Sends until nothing sendable is owed, as <c>digest send</c> does.</summary>
    public Task<SendSummary> SendAsync() => App.Get<OutboxSender>().RunAsync(untilDone: true, default);

    /// <summary>Plans at the fake clock's time and sends until nothing is due.</summary>
    public async Task<PlanResult> PlanAndSendAsync()
    {
        var planned = await Planner.PlanDueAsync(default);
        await SendAsync();
        return planned;
    }

    /// <summary>
    /// The host's planner job from <paramref name="from"/> to <paramref name="until"/> (inclusive) every <paramref name="step"/>,
    /// skipping the times <paramref name="hostDown"/> says the host was down. Pair with a <see cref="BackgroundSender"/>.
    /// </summary>
    public async Task PlanEveryAsync(DateTimeOffset from, DateTimeOffset until, TimeSpan step, Func<DateTimeOffset, bool>? hostDown = null)
    {
        for (var at = from; at <= until; at += step)
        {
            if (hostDown?.Invoke(at) != true)
            {
                await PlanAtAsync(at);
            }
        }
    }

    /// <summary>Waits until the outbox owes nothing (every row sent or given up).</summary>
    public Task WaitUntilSentAsync(TimeSpan? timeout = null) => WaitUntilSentAsync(App.Get<IOutbox>(), timeout);

    /// <summary>Waits until <paramref name="outbox"/> owes nothing; fails after <paramref name="timeout"/> (30 s).</summary>
    public static async Task WaitUntilSentAsync(IOutbox outbox, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (await outbox.CountAsync(null, default) is { Pending: > 0 } or { Claimed: > 0 })
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The outbox still owes messages: {await outbox.CountAsync(null, default)}.");
            }
            await Task.Delay(20);
        }
    }

    public async Task<Edition> LatestEditionAsync() =>
        await App.Get<IEditionStore>().GetLatestAsync(EditionKind.Daily, default) ?? throw new InvalidOperationException("no edition yet");

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Telegram.DisposeAsync();
        Directory.Dispose();
    }
}
