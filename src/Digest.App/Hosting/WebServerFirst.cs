using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Digest.App.Hosting;

/// <summary>
/// The web server starts first and stops first. Build() adds the server's hosted service after all others, so by
/// default the schedule, the delivery loops and polling run before the port is bound, and on a taken port Quartz (which
/// waits for the start to complete) holds the shutdown for its whole timeout. Started first, a taken port fails before
/// anything else has run. Stopped first, nothing is accepted (a webhook update, say) once the loops are going away.
/// </summary>
internal sealed class WebServerFirst(IServer server) : IHostedLifecycleService
{
    public static void Configure(WebApplicationBuilder builder)
    {
        builder.Services.AddHostedService<WebServerFirst>();
        // Container callbacks run after Build() has added the server's hosted service: the one place to move it.
        builder.Host.ConfigureContainer<IServiceCollection>((_, services) => MoveServerFirst(services));
    }

    // Every StoppingAsync runs before any hosted service's StopAsync.
    public Task StoppingAsync(CancellationToken cancellationToken) => server.StopAsync(cancellationToken);

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static void MoveServerFirst(IServiceCollection services)
    {
        var web = services.LastOrDefault(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "GenericWebHostService");
        var first = services.FirstOrDefault(d => d.ServiceType == typeof(IHostedService));
        if (web is not null && first is not null && web != first)
        {
            services.Remove(web);
            services.Insert(services.IndexOf(first), web);
        }
    }
}
