using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
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
    /// secret gets 401. An update is queued for <see cref="TelegramWebhookWorker"/> and answered 200 at once, before it
    /// is handled, so a slow reply never holds Telegram's connection; 503 when the queue is full or the app is stopping.
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
        // Queued while stopping, it would be lost with the process; refused, Telegram posts it again later.
        if (services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested)
        {
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }
        if (await ReadAsync(http, logger) is not { } update)
        {
            // Not an update: the same bytes would come back on every retry, so they are taken and dropped.
            http.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }
        switch (services.GetRequiredService<WebhookQueue>().TryAdd(update))
        {
            case WebhookAdmission.Full:
                // Telegram keeps an update it could not deliver and posts it again later, so a refusal loses nothing:
                // a 200 would lose the update, and waiting for room would hold Telegram's connection as handling inline did.
                logger.LogWarning("Telegram webhook queue is full; update {update_id} refused for Telegram to post again", update.Id);
                http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            case WebhookAdmission.Duplicate:
                logger.LogInformation("Telegram posted update {update_id} again; already taken", update.Id);
                break;
        }
        http.Response.StatusCode = StatusCodes.Status200OK;
    }

    private static async Task<Update?> ReadAsync(HttpContext http, ILogger logger)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<Update>(http.Request.Body, JsonBotAPI.Options, http.RequestAborted);
        }
        catch (Exception e) when (!http.RequestAborted.IsCancellationRequested)
        {
            logger.LogWarning("Telegram webhook post is not a readable update, dropped: {error}", e.Message);
            return null;
        }
    }

    private static bool SecretMatches(string received, string? expected) =>
        !string.IsNullOrEmpty(expected)
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(received), Encoding.UTF8.GetBytes(expected));
}
