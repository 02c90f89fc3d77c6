using Digest.Core.Delivery;
using Digest.Core.Editions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Digest.Integration.Tests.Support;

/// <summary>
/// The schedule on a fake clock: the planner and the composer get it, while the sender keeps real time,
/// because the platform's rate limits are real seconds.
/// </summary>
public static class Clocks
{
    public static DeliveryPlanner Planner(IServiceProvider services, FakeTimeProvider clock) =>
        ActivatorUtilities.CreateInstance<DeliveryPlanner>(services, clock);

    public static DailyEditionService Composer(IServiceProvider services, FakeTimeProvider clock) =>
        ActivatorUtilities.CreateInstance<DailyEditionService>(services, clock);
}
