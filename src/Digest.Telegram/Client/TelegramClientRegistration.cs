using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace Digest.Telegram.Client;

/// <summary>The one <see cref="ITelegramBotClient"/>: our HttpClient, no HTTP logging, no automatic 429 retries.</summary>
internal static class TelegramClientRegistration
{
    private const string HttpClientName = "Digest.Telegram";

    public static void AddTelegramClient(this IServiceCollection services)
    {
        // The token is part of every request URL, so the factory's request logging must never see these calls.
        // The singleton client keeps its handler for good; pooled connections are recycled for DNS changes instead.
        services.AddHttpClient(HttpClientName)
            .RemoveAllLoggers()
            .UseSocketsHttpHandler((handler, _) => handler.PooledConnectionLifetime = TimeSpan.FromMinutes(3))
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        services.AddSingleton<ITelegramBotClient>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
            // Waiting out a 429 belongs to our sender (the outbox), which must see every one.
            var clientOptions = new TelegramBotClientOptions(options.BotToken!, NullIfEmpty(options.ApiBaseUrl)) { RetryThreshold = 0 };
            return new TelegramBotClient(clientOptions, http);
        });
        services.AddSingleton<BotIdentity>();
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
