using System.Globalization;
using Digest.Integration.Tests.Support;
using static Digest.Integration.Tests.Support.Moments;

namespace Digest.Integration.Tests.Telegram;

/// <summary>Days that are not 24 hours long, and hosts that are not up all day.</summary>
public sealed class DowntimeAndDstTests
{
    [Theory]
    // Spring forward on 29 March: 02:30 does not exist that night. Fall back on 25 October: 02:30 happens twice.
    [InlineData("2026-03-27T12:00:00Z", "2026-03-28,2026-03-29,2026-03-30,2026-03-31,2026-04-01")]
    [InlineData("2026-10-23T12:00:00Z", "2026-10-24,2026-10-25,2026-10-26,2026-10-27,2026-10-28")]
    public async Task A_0230_subscriber_in_Berlin_gets_exactly_one_edition_per_local_day_across_a_DST_change(string from, string days)
    {
        var start = DateTimeOffset.Parse(from, CultureInfo.InvariantCulture);
        await using var scenario = await DeliveryScenario.StartAsync(start, WeekLongWindow());
        await scenario.SubscribeAsync(921, zone: "Europe/Berlin", at: new TimeOnly(2, 30));

        await using (BackgroundSender.Start(scenario.App))
        {
            await scenario.PlanEveryAsync(start, start.AddDays(5), TimeSpan.FromMinutes(15));
            await scenario.WaitUntilSentAsync();
        }

        var expected = days.Split(',').Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.Equal(expected, Inbox.EditionDates(scenario.Telegram, 921));
    }

    [Fact]
    public async Task A_downtime_spanning_a_subscribers_time_is_made_up_once_when_the_host_returns_within_the_grace_period()
    {
        await using var scenario = await DeliveryScenario.StartAsync(Utc(7, 1, 6), WeekLongWindow());
        await scenario.SubscribeAsync(931, since: Utc(6, 30, 0));

        await using (BackgroundSender.Start(scenario.App))
        {
            // No planning from 07:00 to 10:00 on 1 July: the 08:00 slot passes while the host is down.
            await scenario.PlanEveryAsync(Utc(7, 1, 6), Utc(7, 2, 9), TimeSpan.FromMinutes(10),
                hostDown: at => at >= Utc(7, 1, 7) && at < Utc(7, 1, 10));
            await scenario.WaitUntilSentAsync();
        }

        Assert.Equal(new[] { Day(7, 1), Day(7, 2) }, Inbox.EditionDates(scenario.Telegram, 931));
        // Made up at 10:00 with an edition composed then; the next day's at 08:00 as usual.
        Assert.Equal(new[] { "2026-07-01 10:00", "2026-07-02 08:00" }, Inbox.GeneratedAt(scenario.Telegram, 931));
    }

    [Fact]
    public async Task A_downtime_longer_than_the_grace_period_does_not_send_that_day_late()
    {
        await using var scenario = await DeliveryScenario.StartAsync(Utc(7, 1, 6), WeekLongWindow());
        await scenario.SubscribeAsync(932, since: Utc(6, 30, 0));

        await using (BackgroundSender.Start(scenario.App))
        {
            // Back at 14:10: more than the 6 h grace after 08:00.
            await scenario.PlanEveryAsync(Utc(7, 1, 6), Utc(7, 2, 9), TimeSpan.FromMinutes(10),
                hostDown: at => at >= Utc(7, 1, 7) && at < Utc(7, 1, 14, 10));
            await scenario.WaitUntilSentAsync();
        }

        Assert.Equal(new[] { Day(7, 2) }, Inbox.EditionDates(scenario.Telegram, 932));
    }
}
