using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Digest.TestKit.Telegram;

/// <summary>
/// A Bot API server on 127.0.0.1 for the real Telegram.Bot client: the methods Digest calls, Telegram's envelopes,
/// validation and rate limits, with updates injected by the test and every accepted message recorded.
/// Point the client at <see cref="BaseUrl"/> with a token like <see cref="DefaultToken"/>.
/// </summary>
public sealed partial class FakeTelegramServer : IAsyncDisposable
{
    public const string DefaultToken = "123456:TEST-token";
    public const long DefaultBotId = 123456;

    private readonly object _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly UpdateQueue _updates = new();
    private readonly SendRateLimiter _limiter;
    private readonly Dictionary<long, FakeChat> _chats = [];
    private readonly Dictionary<(long Chat, long User), string> _members = [];
    private readonly HashSet<long> _blocked = [];
    private readonly Dictionary<long, long> _migrated = [];
    private readonly List<SentTelegramMessage> _messages = [];
    private readonly Dictionary<string, (long ChatId, bool Answered)> _callbacks = [];
    private readonly List<AnsweredCallback> _answers = [];
    private readonly Dictionary<string, int> _calls = [];
    private readonly Dictionary<string, Queue<Exception>> _faults = [];
    private List<RegisteredCommand> _commands = [];
    private int _nextMessageId = 1;
    private int _nextCallbackId = 1;
    private int _tooManyRequests;
    private long _botId = DefaultBotId;
    private int _disposed;
    private WebApplication? _app;

    private FakeTelegramServer(FakeTelegramOptions options)
    {
        Options = options;
        _limiter = new SendRateLimiter(options);
    }

    public FakeTelegramOptions Options { get; }

    /// <summary>Scheme and authority only, as Telegram.Bot keeps them.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<FakeTelegramServer> StartAsync(FakeTelegramOptions? options = null, CancellationToken ct = default)
    {
        var server = new FakeTelegramServer(options ?? new FakeTelegramOptions());
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        app.Run(server.HandleAsync);
        await app.StartAsync(ct);
        server._app = app;
        server.BaseUrl = new Uri(app.Urls.First());
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        // Held long polls return at once, so stopping does not wait for them.
        await _stopping.CancelAsync();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        _stopping.Dispose();
    }

    public void AddChat(FakeChat chat)
    {
        lock (_gate)
        {
            _chats[chat.Id] = chat;
        }
    }

    /// <summary>getChatMember's answer: "creator", "administrator", "member", "restricted", "left" or "kicked" (default "member").</summary>
    public void SetMemberStatus(long chatId, long userId, string status)
    {
        lock (_gate)
        {
            _members[(chatId, userId)] = status;
        }
    }

    /// <summary>Sends to the chat now fail with 403 "Forbidden: bot was blocked by the user".</summary>
    public void BlockChat(long chatId)
    {
        lock (_gate)
        {
            _blocked.Add(chatId);
        }
    }

    /// <summary>Sends to the chat now fail with 400 and parameters.migrate_to_chat_id = <paramref name="newChatId"/>.</summary>
    public void MigrateChat(long chatId, long newChatId)
    {
        lock (_gate)
        {
            _migrated[chatId] = newChatId;
            var title = _chats.GetValueOrDefault(chatId)?.Title;
            _chats.TryAdd(newChatId, new FakeChat(newChatId, "supergroup", title));
        }
    }

    private DateTimeOffset Now => Options.TimeProvider.GetUtcNow();

    private int NextMessageId() => Interlocked.Increment(ref _nextMessageId) - 1;

    private FakeChat Remember(FakeChat chat)
    {
        lock (_gate)
        {
            var known = _chats.GetValueOrDefault(chat.Id);
            var merged = chat with { Title = chat.Title ?? known?.Title, Username = known?.Username };
            _chats[chat.Id] = merged;
            return merged;
        }
    }

    private JsonObject BotUser(long botId) =>
        FakeTelegramJson.User(botId, isBot: true, "Digest", Options.BotUsername);
}
