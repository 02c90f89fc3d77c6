using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Digest.Telegram.Receiving;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Digest.Telegram.Webhook;

public static class TelegramWebhookEndpoint
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    /// <summary>
    /// Receives Telegram's webhook posts when Telegram:Mode is Webhook (otherwise maps nothing). A wrong or missing
    /// secret gets 401; anything else gets 200, even when handling fails, so Telegram does not redeliver.
    /// </summary>
    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder endpoints, string path = "/telegram/webhook")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetService<IOptions<TelegramOptions>>()?.Value;
        if (options is { IsConfigured: true, Mode: TelegramMode.Webhook })
        {
            endpoints.MapPost(path, HandleAsync);
        }
        return endpoints;
    }

    private static async Task HandleAsync(HttpContext http)
    {
        var services = http.RequestServices;
        var secret = services.GetRequiredService<IOptions<TelegramOptions>>().Value.WebhookSecret;
        if (!SecretMatches(http.Request.Headers[SecretHeader].ToString(), secret))
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TelegramWebhookEndpoint));
        // Handling outlives a dropped connection; only shutting down stops it.
        var stopping = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        try
        {
            var update = await JsonSerializer.DeserializeAsync<Update>(http.Request.Body, JsonBotAPI.Options, http.RequestAborted);
            if (update is not null)
            {
                await services.GetRequiredService<TelegramUpdateHandler>().HandleAsync(update, stopping);
            }
        }
        catch (Exception e) when (!stopping.IsCancellationRequested)
        {
            logger.LogError(e, "Telegram webhook post could not be handled");
        }
        http.Response.StatusCode = StatusCodes.Status200OK;
    }

    private static bool SecretMatches(string received, string? expected) =>
        !string.IsNullOrEmpty(expected)
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(received), Encoding.UTF8.GetBytes(expected));
}
