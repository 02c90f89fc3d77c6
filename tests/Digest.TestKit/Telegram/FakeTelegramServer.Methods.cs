using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Digest.TestKit.Telegram;

// The HTTP surface: routing, envelopes, and every method except the sending ones (faults: FakeTelegramServer.Faults.cs).
public sealed partial class FakeTelegramServer
{
    private async Task HandleAsync(HttpContext http)
    {
        if (await RefusedForOutageAsync(http))
        {
            return;
        }
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, _stopping.Token);
        JsonObject body;
        try
        {
            var (botId, method) = Route(http.Request.Path.Value ?? string.Empty);
            var request = await BotRequest.ReadAsync(http.Request, linked.Token);
            body = new JsonObject { ["ok"] = true, ["result"] = await DispatchAsync(method, botId, request, linked.Token) };
            http.Response.StatusCode = 200;
        }
        catch (BotApiError error)
        {
            if (error.ErrorCode == 429)
            {
                Interlocked.Increment(ref _tooManyRequests);
            }
            body = error.ToJson();
            http.Response.StatusCode = error.ErrorCode;
        }
        catch (DroppedConnection)
        {
            Drop(http);
            return;
        }
        catch (RawAnswer raw)
        {
            await AnswerRawAsync(http, raw);
            return;
        }
        catch (OperationCanceledException)
        {
            return;
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or InvalidDataException)
        {
            // A parameter of the wrong JSON type or a malformed body: still an envelope the client can read.
            body = new BotApiError(500, "Internal Server Error: " + e.Message).ToJson();
            http.Response.StatusCode = 500;
        }
        http.Response.ContentType = "application/json";
        try
        {
            await http.Response.WriteAsync(body.ToJsonString(), linked.Token);
        }
        catch (OperationCanceledException)
        {
            // The client gave up (a cancelled long poll): nobody to answer.
        }
    }

    /// <summary>"/bot{token}/{method}" (or ".../test/{method}") → the bot id in the token and the method.</summary>
    private (long BotId, string Method) Route(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length is < 2 or > 3 || !segments[0].StartsWith("bot", StringComparison.Ordinal))
        {
            throw new BotApiError(404, "Not Found");
        }
        var token = segments[0][3..];
        var colon = token.IndexOf(':', StringComparison.Ordinal);
        if (colon < 1 || !long.TryParse(token[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out var botId)
            || (Options.Token is not null && Options.Token != token))
        {
            throw new BotApiError(401, "Unauthorized");
        }
        _botId = botId;
        return (botId, segments[^1]);
    }

    private async Task<JsonNode> DispatchAsync(string method, long botId, BotRequest request, CancellationToken ct)
    {
        if (CountCall(method) is { } fault)
        {
            throw fault;
        }
        return method.ToLowerInvariant() switch
        {
            "getme" => BotUser(botId),
            "getupdates" => await GetUpdatesAsync(request, ct),
            "deletewebhook" => SetWebhook(null, null),
            "setwebhook" => SetWebhook(request.Text("url"), request.Text("secret_token")),
            "setmycommands" => SetMyCommands(request),
            "sendmessage" => SendMessage(request, botId),
            "sendphoto" => SendPhoto(request, botId),
            "editmessagetext" => EditMessageText(request, botId),
            "answercallbackquery" => AnswerCallbackQuery(request),
            "getchat" => FakeTelegramJson.Chat(ResolveChat(request.Required("chat_id"))),
            "getchatmember" => GetChatMember(request, botId),
            _ => throw new BotApiError(404, "Not Found: method not found"),
        };
    }

    private async Task<JsonNode> GetUpdatesAsync(BotRequest request, CancellationToken ct)
    {
        if (WebhookUrl is not null)
        {
            throw new BotApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
        }
        var limit = Math.Clamp(request.Int("limit") ?? 100, 1, 100);
        var timeout = Math.Clamp(request.Int("timeout") ?? 0, 0, 50);
        // Answer a second before the client's own timeout, as the real server effectively does.
        var hold = TimeSpan.FromSeconds(Math.Max(0, timeout - 1));
        return await _updates.TakeAsync(request.Int("offset") ?? 0, limit, hold, ct);
    }

    private JsonNode SetWebhook(string? url, string? secret)
    {
        lock (_gate)
        {
            WebhookUrl = string.IsNullOrEmpty(url) ? null : url;
            WebhookSecret = WebhookUrl is null ? null : secret;
        }
        return true;
    }

    private JsonNode SetMyCommands(BotRequest request)
    {
        var commands = request.Json("commands") as JsonArray ?? throw BotApiError.BadRequest("parameter \"commands\" is required");
        var parsed = commands.OfType<JsonObject>()
            .Select(c => new RegisteredCommand((string?)c["command"] ?? string.Empty, (string?)c["description"] ?? string.Empty))
            .ToList();
        if (parsed.Exists(c => c.Command.Length is 0 or > 32 || !c.Command.All(ch => ch is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_')))
        {
            throw BotApiError.BadRequest("BOT_COMMAND_INVALID");
        }
        if (parsed.Exists(c => c.Description.Length is 0 or > 256))
        {
            throw BotApiError.BadRequest("command description is empty or too long");
        }
        lock (_gate)
        {
            _commands = parsed;
        }
        return true;
    }

    private JsonNode AnswerCallbackQuery(BotRequest request)
    {
        var id = request.Required("callback_query_id");
        lock (_gate)
        {
            if (!_callbacks.TryGetValue(id, out var query) || query.Answered)
            {
                throw BotApiError.BadRequest("query is too old and response timeout expired or query ID is invalid");
            }
            _callbacks[id] = query with { Answered = true };
            _answers.Add(new AnsweredCallback(id, request.Text("text"), request.Bool("show_alert")));
        }
        return true;
    }

    private JsonNode GetChatMember(BotRequest request, long botId)
    {
        var chat = ResolveChat(request.Required("chat_id"));
        var userId = request.Long("user_id") ?? throw BotApiError.BadRequest("parameter \"user_id\" is required");
        string status;
        lock (_gate)
        {
            status = _members.GetValueOrDefault((chat.Id, userId), "member");
        }
        // The status comes first: it is the discriminator of ChatMember's subtypes.
        return new JsonObject
        {
            ["status"] = status,
            ["user"] = userId == botId ? BotUser(botId) : FakeTelegramJson.User(userId, isBot: false, $"User{userId}"),
        };
    }

    /// <summary>A chat_id parameter (number or @username) → the chat; unknown numeric ids are created on first use.</summary>
    private FakeChat ResolveChat(string reference)
    {
        lock (_gate)
        {
            if (reference.StartsWith('@'))
            {
                return _chats.Values.FirstOrDefault(c => string.Equals("@" + c.Username, reference, StringComparison.OrdinalIgnoreCase))
                    ?? throw BotApiError.BadRequest("chat not found");
            }
            if (!long.TryParse(reference, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) || id == 0)
            {
                throw BotApiError.BadRequest("chat not found");
            }
            if (!_chats.TryGetValue(id, out var chat))
            {
                chat = new FakeChat(id, id > 0 ? "private" : id < -1_000_000_000_000 ? "supergroup" : "group");
                _chats[id] = chat;
            }
            return chat;
        }
    }
}
