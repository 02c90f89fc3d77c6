using System.Net;
using System.Text;
using System.Text.Json;
using Digest.Core.Conversation;
using Digest.Telegram.Tests.TestSupport;
using Digest.Telegram.Webhook;
using Digest.TestKit.Telegram;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Digest.Telegram.Tests.Webhook;

public sealed class WebhookTests : IAsyncLifetime
{
    private const string Secret = "s3cret_Webhook-token";
    private const string PublicUrl = "https://digest.example/telegram/webhook";

    private readonly ConversationScript _script = new();
    private readonly HttpClient _http = new();
    private FakeTelegramServer _server = null!;
    private WebApplication _app = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeTelegramServer.StartAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(TelegramTestHost.Settings(
            _server, ("Telegram:Mode", "Webhook"), ("Telegram:WebhookUrl", PublicUrl), ("Telegram:WebhookSecret", Secret)));
        builder.Services.AddSingleton(_script);
        builder.Services.AddScoped<IConversation, ScriptedConversation>();
        builder.Services.AddDigestTelegram(builder.Configuration);
        _app = builder.Build();
        _app.Urls.Add("http://127.0.0.1:0");
        _app.MapTelegramWebhook();
        await _app.StartAsync();
        _http.BaseAddress = new Uri(_app.Urls.First());
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Start_registers_the_webhook_with_our_secret_and_the_commands()
    {
        await _server.WaitUntilAsync(() => _server.Commands.Count == 10, "commands to be registered");

        Assert.Equal((PublicUrl, Secret), (_server.WebhookUrl, _server.WebhookSecret));
        Assert.Equal(0, _server.Calls("getUpdates"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong")]
    [InlineData(Secret + "x")]
    public async Task Post_without_the_right_secret_is_refused_and_not_handled(string? secret)
    {
        var response = await PostAsync(Update("/start"), secret);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_script.Received);
    }

    [Fact]
    public async Task Post_with_the_right_secret_reaches_the_conversation()
    {
        _script.OnMessage = (_, chat, ct) => chat.ReplyAsync(new ChatReply("pong"), ct);

        var response = await PostAsync(Update("/start@digest_test_bot"), Secret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/start", Assert.Single(_script.Received).Text);
        Assert.Equal("pong", Assert.Single(_server.Messages(42)).PlainText);
    }

    [Fact]
    public async Task Failing_handler_still_gets_200_so_telegram_does_not_redeliver()
    {
        _script.OnMessage = (_, _, _) => throw new InvalidOperationException("bug");

        var handled = await PostAsync(Update("/start"), Secret);
        var garbage = await PostAsync("{not json", Secret);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (handled.StatusCode, garbage.StatusCode));
        Assert.Single(_script.Received);
    }

    private static string Update(string text) => JsonSerializer.Serialize(
        new Update
        {
            Id = 1,
            Message = new Message
            {
                Id = 5,
                Date = DateTime.UtcNow,
                Chat = new Chat { Id = 42, Type = ChatType.Private, FirstName = "Ann" },
                From = new User { Id = 42, FirstName = "Ann" },
                Text = text,
            },
        },
        JsonBotAPI.Options);

    private async Task<HttpResponseMessage> PostAsync(string json, string? secret)
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
}
