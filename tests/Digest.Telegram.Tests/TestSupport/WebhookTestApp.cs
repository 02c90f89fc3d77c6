using System.Text;
using System.Text.Json;
using Digest.Core.Conversation;
using Digest.Telegram.Webhook;
using Digest.TestKit.Conversation;
using Digest.TestKit.Logging;
using Digest.TestKit.Telegram;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Digest.Telegram.Tests.TestSupport;

/// <summary>A web app in webhook mode, as the app wires it, pointed at a fake Bot API, and a client posting to it as Telegram does.</summary>
public sealed class WebhookTestApp : IAsyncDisposable
{
    public const string Secret = "s3cret_Webhook-token";
    public const string PublicUrl = "https://digest.example/telegram/webhook";

    private readonly WebApplication _app;
    private readonly HttpClient _http;

    private WebhookTestApp(WebApplication app, ConversationScript script, CapturedLogs logs)
    {
        _app = app;
        Script = script;
        Logs = logs;
        _http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public ConversationScript Script { get; }

    public CapturedLogs Logs { get; }

    public static async Task<WebhookTestApp> StartAsync(FakeTelegramServer server)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var logs = new CapturedLogs();
        builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Information);
        builder.Configuration.AddInMemoryCollection(TelegramTestHost.Settings(
            server, ("Telegram:Mode", "Webhook"), ("Telegram:WebhookUrl", PublicUrl), ("Telegram:WebhookSecret", Secret)));
        var script = new ConversationScript();
        builder.Services.AddSingleton(script);
        builder.Services.AddScoped<IConversation, ScriptedConversation>();
        builder.Services.AddMenuCommands();
        builder.Services.AddDigestTelegram(builder.Configuration);
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        app.MapTelegramWebhook();
        await app.StartAsync();
        return new WebhookTestApp(app, script, logs);
    }

    /// <summary>A private-chat message from user 42, as Telegram posts it.</summary>
    public static string Update(string text, int updateId = 1) => JsonSerializer.Serialize(
        new Update
        {
            Id = updateId,
            Message = new Message
            {
                Id = updateId + 1000,
                Date = DateTime.UtcNow,
                Chat = new Chat { Id = 42, Type = ChatType.Private, FirstName = "Ann" },
                From = new User { Id = 42, FirstName = "Ann" },
                Text = text,
            },
        },
        JsonBotAPI.Options);

    public async Task<HttpResponseMessage> PostAsync(string json, string? secret = Secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (secret is not null)
        {
            request.Headers.Add(TelegramWebhookEndpoint.SecretHeader, secret);
        }
        return await _http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
