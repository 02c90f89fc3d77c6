using System.Net;
using System.Text.Json;
using Digest.App.Cli;
using Digest.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Integration.Tests.Hosting;

/// <summary>
/// <c>digest run</c>'s service as <see cref="RunCommand.Build"/> makes it, on a free port of 127.0.0.1, with no
/// collect on start (tests seed what they need). Built and migrated first; started by <see cref="StartAsync"/>.
/// </summary>
public sealed class RunningService : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _http = new();

    private RunningService(WebApplication app) => _app = app;

    public IServiceProvider Services => _app.Services;

    public T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    public static async Task<RunningService> BuildAsync(string databasePath, IDictionary<string, string?> settings, Action<IServiceCollection>? replace = null)
    {
        var all = new Dictionary<string, string?>(settings)
        {
            ["Storage:Path"] = databasePath,
            ["Urls"] = "http://127.0.0.1:0",
            ["Schedule:CollectOnStart"] = "false",
            ["Llm:ApiKey"] = "",
        };
        var app = RunCommand.Build(all, replace);
        await app.Services.GetRequiredService<SqliteDatabase>().MigrateAsync(default);
        return new RunningService(app);
    }

    public async Task StartAsync()
    {
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _http.BaseAddress = new Uri(address);
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> HealthAsync()
    {
        using var response = await _http.GetAsync(new Uri("/healthz", UriKind.Relative));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, body.RootElement.Clone());
    }

    /// <summary>Asks /healthz until its answer satisfies <paramref name="condition"/>; returns that answer.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> HealthUntilAsync(
        Func<HttpStatusCode, JsonElement, bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var (status, body) = await HealthAsync();
            if (condition(status, body))
            {
                return (status, body);
            }
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting for {what}; /healthz answered {(int)status}: {body}");
            }
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
