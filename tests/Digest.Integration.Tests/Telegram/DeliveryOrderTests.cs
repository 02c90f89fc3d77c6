using Digest.Core.Delivery;
using Digest.Integration.Tests.Support;

namespace Digest.Integration.Tests.Telegram;

public sealed class DeliveryOrderTests
{
    private static readonly DateTimeOffset ComposedAt = new(2026, 7, 1, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task When_a_part_must_wait_the_later_parts_wait_too_even_when_claimed_separately()
    {
        // Two rows a claim: a subscriber's parts arrive at the sender in several claims.
        await using var scenario = await DeliveryScenario.StartAsync(ComposedAt, new Dictionary<string, string?> { ["Delivery:ClaimBatch"] = "2" });
        var telegram = scenario.Telegram;
        await scenario.SubscribeAsync(601);
        await scenario.PlanAtAsync(ComposedAt.AddHours(3));
        var parts = (await scenario.App.Get<IOutbox>().CountAsync(null, default)).Pending;
        Assert.True(parts >= 3, "enough parts to span claims");
        // The chart photo meets a server error once: Telegram's trouble, so the circuit opens and it goes again a second later.
        telegram.FailNext("sendPhoto", 500, "Internal Server Error: try again");

        using var stop = new CancellationTokenSource();
        var sending = scenario.App.Get<OutboxSender>().RunAsync(untilDone: false, stop.Token);
        await telegram.WaitUntilAsync(() => telegram.Messages(601).Count == parts, "every part", TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await sending;

        var messages = telegram.Messages(601);
        Assert.True(messages[0].IsPhoto, "the chart, retried, still comes first");
        Assert.Contains("AI Daily Digest", messages[1].PlainText, StringComparison.Ordinal);
        Assert.Contains("Generated at", messages[^1].PlainText, StringComparison.Ordinal);
        Assert.Equal(parts, messages.Count);
        Assert.All(await OutboxFile.RowsAsync(scenario.Directory.DatabasePath), row => Assert.Equal(0, row.Attempts));
    }
}
