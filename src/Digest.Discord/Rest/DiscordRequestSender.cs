using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Digest.Discord.Rest;

/// <summary>
/// The wire: headers, rate limits, 429 retries and Discord's errors. It alone sees the token, which goes into the
/// Authorization header and nowhere else; logs name routes with their tokens masked.
/// </summary>
internal sealed class DiscordRequestSender
{
    private readonly HttpClient _http;
    private readonly DiscordOptions _options;
    private readonly DiscordRateLimits _limits;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _baseUrl;
    private readonly string _userAgent;

    public DiscordRequestSender(HttpClient http, DiscordOptions options, DiscordRateLimits limits, TimeProvider time, ILogger logger)
    {
        _http = http;
        _options = options;
        _limits = limits;
        _time = time;
        _logger = logger;
        _baseUrl = options.ApiBaseUrl.TrimEnd('/') + "/";
        // Cloudflare in front of Discord may block a bot without this exact form.
        _userAgent = $"DiscordBot ({options.UserAgentUrl}, {options.UserAgentVersion})";
    }

    /// <summary>Sends until answered, a 429 at most <see cref="DiscordOptions.MaxAttempts"/> times; null for 204.</summary>
    public async Task<JsonNode?> SendAsync(DiscordRoute route, string query, Func<HttpContent>? body, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var lease = await _limits.AcquireAsync(route, ct);
            using var request = new HttpRequestMessage(route.Method, _baseUrl + route.Path + query);
            // Webhook-only setups have no bot token; webhook routes are authorized by the token in their path.
            if (_options.IsBotConfigured)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bot", _options.BotToken);
            }
            request.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
            request.Content = body?.Invoke();
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
            var headers = RateLimitHeaders.Read(response.Headers);
            _limits.Observe(route, headers);
            var json = await ReadJsonAsync(response, ct);
            if (response.IsSuccessStatusCode)
            {
                return json;
            }
            if (response.StatusCode != HttpStatusCode.TooManyRequests)
            {
                throw Refusal(response.StatusCode, json, route, retryAfter: null);
            }
            var (retryAfter, global) = RetryAfter(response, headers, json);
            if (global)
            {
                _limits.PauseAll(retryAfter);
            }
            else
            {
                _limits.PauseRoute(route, retryAfter);
            }
            var giveUp = attempt >= _options.MaxAttempts || retryAfter > _options.MaxRetryAfter;
            _logger.LogWarning(
                "Discord rate limited {route} (bucket {bucket}, global {global}, scope {scope}): retry_after_s {retry_after_s}, attempt {attempt}{outcome}",
                route.LogName, _limits.BucketOf(route), global, headers.Scope ?? "user", retryAfter.TotalSeconds, attempt, giveUp ? ", giving up" : string.Empty);
            if (giveUp)
            {
                throw Refusal(response.StatusCode, json, route, retryAfter);
            }
        }
    }

    private static (TimeSpan RetryAfter, bool Global) RetryAfter(HttpResponseMessage response, RateLimitHeaders headers, JsonNode? json)
    {
        var fromBody = json?["retry_after"] is JsonValue value && value.TryGetValue<double>(out var seconds) && double.IsFinite(seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(seconds)
            : (TimeSpan?)null;
        var fromHeader = RateLimitHeaders.Seconds(response.Headers.TryGetValues("Retry-After", out var v) ? v.FirstOrDefault() : null);
        var global = headers.Global || json?["global"] is JsonValue g && g.TryGetValue<bool>(out var isGlobal) && isGlobal;
        // Without any hint, a second is what Discord's smallest windows last.
        return (fromBody ?? fromHeader ?? headers.ResetAfter ?? TimeSpan.FromSeconds(1), global);
    }

    private static DiscordApiException Refusal(HttpStatusCode status, JsonNode? json, DiscordRoute route, TimeSpan? retryAfter)
    {
        var code = json?["code"] is JsonValue c && c.TryGetValue<int>(out var parsed) ? parsed : DiscordErrorCodes.General;
        var message = json?["message"] is JsonValue m && m.TryGetValue<string>(out var text)
            ? text
            : ((int)status).ToString(CultureInfo.InvariantCulture) + " " + status;
        return new DiscordApiException(status, code, message, route.LogName, retryAfter);
    }

    private static async Task<JsonNode?> ReadJsonAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            return null;
        }
        var text = await response.Content.ReadAsStringAsync(ct);
        if (text.Length == 0)
        {
            return null;
        }
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            // A page from something in front of Discord (a proxy's 502): the status alone has to do.
            return null;
        }
    }
}
