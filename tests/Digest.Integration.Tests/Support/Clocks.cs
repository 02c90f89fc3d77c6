using Digest.Core.Conversation;
using Digest.Core.Delivery;
using Digest.Core.Editions;
using Digest.Core.Weekly;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Digest.Integration.Tests.Support;

/// <summary>
/// The schedule on a fake clock: the planner, the composer it uses and (when asked) the chat commands get it, while
/// the sender keeps real time, because the platform's rate limits, heartbeats and takeovers are real seconds.
/// Fake times must lie before the real now, so rows the planner enqueues are due for the real-time sender.
/// </summary>
public static class Clocks
{
    /// <summary>A planner whose composers (daily and weekly) are on the same clock: "fresh" is measured on the clock that composed.</summary>
    public static DeliveryPlanner Planner(IServiceProvider services, FakeTimeProvider clock) =>
        ActivatorUtilities.CreateInstance<DeliveryPlanner>(services, Composer(services, clock), WeeklyComposer(services, clock), clock);

    public static WeeklyEditionService WeeklyComposer(IServiceProvider services, FakeTimeProvider clock) =>
        ActivatorUtilities.CreateInstance<WeeklyEditionService>(services, ActivatorUtilities.CreateInstance<WeeklyMaterialBuilder>(services, clock), clock);

    public static DailyEditionService Composer(IServiceProvider services, FakeTimeProvider clock) =>
        ActivatorUtilities.CreateInstance<DailyEditionService>(services, clock);

    /// <summary>
    /// Puts every chat command that reads the time (/subscribe, /digest, /start…) on <paramref name="clock"/>, in place,
    /// so the order /help lists them in stays. For a running app: <c>TestApp.StartAsync(…, replace: …)</c>.
    /// </summary>
    public static void CommandsOn(IServiceCollection services, FakeTimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(services);
        for (var i = 0; i < services.Count; i++)
        {
            if (services[i] is { ServiceType: var type, ImplementationType: { } command } && type == typeof(ICommand) && ReadsTime(command))
            {
                services[i] = ServiceDescriptor.Singleton<ICommand>(sp => (ICommand)ActivatorUtilities.CreateInstance(sp, command, clock));
            }
        }
    }

    private static bool ReadsTime(Type command) =>
        command.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(TimeProvider)));
}
