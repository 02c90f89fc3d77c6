using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.App.Health;

/// <summary><c>GET /healthz</c>: the <see cref="HealthReport"/> as JSON, 200 when healthy and 503 when not.</summary>
internal static class HealthEndpoint
{
    public const string Path = "/healthz";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static IServiceCollection AddDigestHealth(this IServiceCollection services) => services.AddSingleton<HealthProbe>();

    public static IEndpointRouteBuilder MapDigestHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, async (HealthProbe probe, HttpContext http) =>
        {
            var report = await probe.CheckAsync(http.RequestAborted);
            // A monitor must see the state of now, never a cached answer.
            http.Response.Headers.CacheControl = "no-store";
            return Results.Json(report, Json, statusCode: report.IsHealthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        return endpoints;
    }
}
