using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Digest.TestKit.OpenAi;

/// <summary>
/// An OpenAI-compatible chat completions server on 127.0.0.1 for Semantic Kernel's OpenAI connector.
/// Each request takes the next scripted mode (<see cref="Enqueue"/>), or <see cref="DefaultMode"/> when none is left.
/// Cheap per request, so the assess benchmark can push thousands of articles through it.
/// </summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeOpenAiMode> _script = new();
    private readonly ConcurrentQueue<FakeOpenAiRequest> _requests = new();
    private readonly ConcurrentDictionary<string, int> _calls = new();
    private readonly CancellationTokenSource _stopping = new();

    private FakeOpenAiServer(WebApplication app)
    {
        _app = app;
        app.MapPost("/v1/chat/completions", HandleAsync);
    }

    /// <summary>The base URL to configure, http://127.0.0.1:{port}/v1.</summary>
    public Uri Endpoint { get; private set; } = null!;

    public FakeOpenAiMode DefaultMode { get; set; } = FakeOpenAiMode.Valid;

    public int PromptTokens { get; set; } = 120;

    public int CompletionTokens { get; set; } = 40;

    /// <summary>Report usage as a tokenizer would roughly count it (a token per 4 characters) instead of the fixed numbers.</summary>
    public bool EstimateTokens { get; set; }

    /// <summary>Every request in arrival order.</summary>
    public IReadOnlyList<FakeOpenAiRequest> Requests => [.. _requests];

    public int TotalCalls => _calls.Values.Sum();

    public static async Task<FakeOpenAiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        var server = new FakeOpenAiServer(app);
        await app.StartAsync();
        server.Endpoint = new Uri(app.Urls.First().TrimEnd('/') + "/v1");
        return server;
    }

    /// <summary>Calls seen for a purpose: score, writeup, highlights, answer, settings, weekly (from the system prompt's "Task: …" line), or unknown.</summary>
    public int Calls(string purpose) => _calls.GetValueOrDefault(purpose);

    public void Enqueue(params FakeOpenAiMode[] modes)
    {
        ArgumentNullException.ThrowIfNull(modes);
        foreach (var mode in modes)
        {
            _script.Enqueue(mode);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var mode = _script.TryDequeue(out var next) ? next : DefaultMode;
        using var body = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
        var request = Read(body.RootElement, context.Request.Headers.Authorization.ToString(), mode);
        _requests.Enqueue(request);
        _calls.AddOrUpdate(request.Purpose, 1, (_, n) => n + 1);

        switch (mode.Behaviour)
        {
            case FakeOpenAiBehaviour.RateLimited:
                context.Response.Headers.RetryAfter = mode.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await WriteErrorAsync(context, StatusCodes.Status429TooManyRequests, "Rate limit reached for requests", "requests", "rate_limit_exceeded");
                return;
            case FakeOpenAiBehaviour.ServerError:
                await WriteErrorAsync(context, StatusCodes.Status500InternalServerError, "The server had an error while processing your request.", "server_error", null);
                return;
            case FakeOpenAiBehaviour.Hang:
                using (var gone = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token))
                {
                    try
                    {
                        await Task.Delay(Timeout.Infinite, gone.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        // The client gave up or the server stops: that is the end of a hang.
                    }
                }
                return;
            case FakeOpenAiBehaviour.CallsTools:
                await WriteCompletionAsync(context, request.Model, null, body.RootElement.GetRawText().Length, Calls(request, mode));
                return;
            default:
                await WriteCompletionAsync(context, request.Model, Answer(request, mode), body.RootElement.GetRawText().Length);
                return;
        }
    }

    private static FakeOpenAiRequest Read(JsonElement root, string authorization, FakeOpenAiMode mode)
    {
        var model = root.TryGetProperty("model", out var m) ? m.GetString() ?? "" : "";
        string system = "", user = "";
        if (root.TryGetProperty("messages", out var messages))
        {
            foreach (var message in messages.EnumerateArray())
            {
                var role = message.GetProperty("role").GetString();
                var text = Text(message);
                if (role is "system" or "developer")
                {
                    system += text;
                }
                else if (role == "user")
                {
                    user += text;
                }
            }
        }
        var format = root.TryGetProperty("response_format", out var f) ? f.GetRawText() : null;
        var tools = root.TryGetProperty("tools", out var t) && t.ValueKind == JsonValueKind.Array
            ? t.EnumerateArray().Select(tool => tool.GetProperty("function").GetProperty("name").GetString() ?? "").ToList()
            : [];
        return new FakeOpenAiRequest(PurposeOf(system), model, system, user, format, authorization.Length > 0 ? authorization : null, mode, tools);
    }

    /// <summary>Content is a string, or an array of parts of which the text ones count.</summary>
    private static string Text(JsonElement message)
    {
        if (!message.TryGetProperty("content", out var content))
        {
            return "";
        }
        return content.ValueKind switch
        {
            JsonValueKind.String => content.GetString() ?? "",
            JsonValueKind.Array => string.Concat(content.EnumerateArray()
                .Where(p => p.TryGetProperty("text", out _))
                .Select(p => p.GetProperty("text").GetString())),
            _ => "",
        };
    }

    private static string PurposeOf(string system)
    {
        foreach (var purpose in (string[])["score", "writeup", "highlights", "answer", "settings", "weekly"])
        {
            if (system.StartsWith($"Task: {purpose}", StringComparison.Ordinal) || system.Contains($"\nTask: {purpose}", StringComparison.Ordinal))
            {
                return purpose;
            }
        }
        return "unknown";
    }

    private static string Answer(FakeOpenAiRequest request, FakeOpenAiMode mode)
    {
        if (mode.Behaviour == FakeOpenAiBehaviour.Junk)
        {
            return FakeAnswers.Junk;
        }
        if (mode.Behaviour == FakeOpenAiBehaviour.Replies)
        {
            return mode.Content;
        }
        var partially = mode.Behaviour == FakeOpenAiBehaviour.PartiallyValid;
        JsonDocument? data;
        try
        {
            data = FakeAnswers.DataBlock(request.UserMessage) is { } json ? JsonDocument.Parse(json) : null;
        }
        catch (JsonException)
        {
            data = null;
        }
        using (data)
        {
            var root = data?.RootElement;
            return request.Purpose switch
            {
                "score" => FakeAnswers.Scores(Articles(root), partially, mode.Behaviour == FakeOpenAiBehaviour.OneKeyword),
                "writeup" => FakeAnswers.Writeup(root is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty("title", out var t) ? t.GetString() ?? "" : "", partially),
                "highlights" => FakeAnswers.Highlights(root is { ValueKind: JsonValueKind.Array } a ? a.GetArrayLength() : 0, partially),
                "answer" => AnswerTo(root, mode),
                // A settings message the script gave no calls for asks for no change, as the prompt tells a model to say.
                "settings" => "none",
                _ => "pong",
            };
        }
    }

    /// <summary>An answer citing the first of the sources ({"question", "articles": [{"number", "title", …}]}).</summary>
    private static string AnswerTo(JsonElement? root, FakeOpenAiMode mode)
    {
        var first = root is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty("articles", out var articles)
            && articles.ValueKind == JsonValueKind.Array && articles.GetArrayLength() > 0 ? articles[0] : default;
        var number = first.ValueKind == JsonValueKind.Object && first.TryGetProperty("number", out var n) && n.TryGetInt32(out var value) ? value : 1;
        var title = first.ValueKind == JsonValueKind.Object && first.TryGetProperty("title", out var t) ? t.GetString() ?? "" : "";
        return FakeAnswers.Answer(number, title, mode.Behaviour == FakeOpenAiBehaviour.BadCitation, mode.Behaviour == FakeOpenAiBehaviour.NotFound);
    }

    private static List<(long Id, string Title)> Articles(JsonElement? root) =>
        root is { ValueKind: JsonValueKind.Array } array
            ? array.EnumerateArray()
                .Where(a => a.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number)
                .Select(a => (a.GetProperty("id").GetInt64(), a.TryGetProperty("title", out var t) ? t.GetString() ?? "" : ""))
                .ToList()
            : [];

    /// <summary>The scripted calls, named as the request offered them.</summary>
    private static List<FakeToolCall> Calls(FakeOpenAiRequest request, FakeOpenAiMode mode) =>
        mode.ToolCalls
            .Select(c => c with { Function = request.Tools.FirstOrDefault(t => t == c.Function || t.EndsWith("-" + c.Function, StringComparison.Ordinal)) ?? c.Function })
            .ToList();

    private Task WriteCompletionAsync(HttpContext context, string model, string? content, int requestChars, IReadOnlyList<FakeToolCall>? calls = null)
    {
        var promptTokens = EstimateTokens ? requestChars / 4 : PromptTokens;
        var completionTokens = EstimateTokens ? ((content?.Length ?? 0) + (calls?.Sum(c => c.Function.Length + c.Arguments.Length) ?? 0)) / 4 : CompletionTokens;
        var json = FakeAnswers.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("id", "chatcmpl-" + Guid.NewGuid().ToString("N")[..12]);
            w.WriteString("object", "chat.completion");
            w.WriteNumber("created", DateTimeOffset.UtcNow.ToUnixTimeSeconds());
            w.WriteString("model", model);
            w.WriteStartArray("choices");
            w.WriteStartObject();
            w.WriteNumber("index", 0);
            w.WriteStartObject("message");
            w.WriteString("role", "assistant");
            w.WriteString("content", content);
            w.WriteNull("refusal");
            if (calls is { Count: > 0 })
            {
                w.WriteStartArray("tool_calls");
                foreach (var (call, index) in calls.Select((c, i) => (c, i)))
                {
                    w.WriteStartObject();
                    w.WriteString("id", $"call_{index}");
                    w.WriteString("type", "function");
                    w.WriteStartObject("function");
                    w.WriteString("name", call.Function);
                    w.WriteString("arguments", call.Arguments);
                    w.WriteEndObject();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
            w.WriteNull("logprobs");
            w.WriteString("finish_reason", calls is { Count: > 0 } ? "tool_calls" : "stop");
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteStartObject("usage");
            w.WriteNumber("prompt_tokens", promptTokens);
            w.WriteNumber("completion_tokens", completionTokens);
            w.WriteNumber("total_tokens", promptTokens + completionTokens);
            w.WriteEndObject();
            w.WriteEndObject();
        });
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json, context.RequestAborted);
    }

    private static Task WriteErrorAsync(HttpContext context, int status, string message, string type, string? code)
    {
        var json = FakeAnswers.Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("error");
            w.WriteString("message", message);
            w.WriteString("type", type);
            w.WriteNull("param");
            w.WriteString("code", code);
            w.WriteEndObject();
            w.WriteEndObject();
        });
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json, context.RequestAborted);
    }
}
