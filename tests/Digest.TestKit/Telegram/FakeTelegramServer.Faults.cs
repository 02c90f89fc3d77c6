using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Digest.TestKit.Telegram;

// Trouble on demand: one call failing, a dropped connection, an answer that is not Telegram's, a whole outage.
public sealed partial class FakeTelegramServer
{
    private int _outageStatus;
    private int _refusedDuringOutage;
    private int _droppedConnections;

    /// <summary>Whether <see cref="StartOutage"/> is in force.</summary>
    public bool InOutage => Volatile.Read(ref _outageStatus) != 0;

    /// <summary>How many requests the outage refused, over all outages.</summary>
    public int RefusedDuringOutage => Volatile.Read(ref _refusedDuringOutage);

    /// <summary>How many connections were dropped by <see cref="DropConnectionNext"/>.</summary>
    public int DroppedConnections => Volatile.Read(ref _droppedConnections);

    /// <summary>The next call of <paramref name="method"/> fails with this error (e.g. 500) instead of running.</summary>
    public void FailNext(string method, int errorCode, string description, int? retryAfter = null) =>
        InjectNext(method, new BotApiError(errorCode, description, retryAfter));

    /// <summary>
    /// The next <paramref name="times"/> calls of <paramref name="method"/> are read, then their connection is dropped
    /// with no answer and the method does not run: the client sees a transport error, as when a proxy or Telegram dies mid-call.
    /// </summary>
    public void DropConnectionNext(string method, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            InjectNext(method, new DroppedConnection());
        }
    }

    /// <summary>The next call of <paramref name="method"/> gets exactly this answer (a garbled 200, a proxy's HTML page) instead of running.</summary>
    public void AnswerNextWith(string method, int status, string body, string contentType = "application/json") =>
        InjectNext(method, new RawAnswer(status, body, contentType));

    /// <summary>
    /// Until <see cref="EndOutage"/>, every request gets <paramref name="status"/> with Telegram's error envelope
    /// (<c>{"ok":false,"error_code":502,"description":"Bad Gateway"}</c>) before its token or method is looked at, as
    /// when Telegram's front end cannot reach the Bot API. Refused calls count in <see cref="Calls"/> and
    /// <see cref="RefusedDuringOutage"/>; polls already held are not cut.
    /// </summary>
    public void StartOutage(int status = 502)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 400);
        Volatile.Write(ref _outageStatus, status);
    }

    public void EndOutage() => Volatile.Write(ref _outageStatus, 0);

    private void InjectNext(string method, Exception fault)
    {
        lock (_gate)
        {
            var key = method.ToLowerInvariant();
            if (!_faults.TryGetValue(key, out var queue))
            {
                _faults[key] = queue = new Queue<Exception>();
            }
            queue.Enqueue(fault);
        }
    }

    /// <summary>Counts the call and takes its next injected fault, if any.</summary>
    private Exception? CountCall(string method)
    {
        var name = method.ToLowerInvariant();
        lock (_gate)
        {
            _calls[name] = _calls.GetValueOrDefault(name) + 1;
            return _faults.TryGetValue(name, out var queue) && queue.TryDequeue(out var fault) ? fault : null;
        }
    }

    /// <summary>Answers for the outage when one is in force; false otherwise.</summary>
    private async Task<bool> RefusedForOutageAsync(HttpContext http)
    {
        var status = Volatile.Read(ref _outageStatus);
        if (status == 0)
        {
            return false;
        }
        // Counted, but the method's injected faults stay for after the outage.
        var method = (http.Request.Path.Value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? string.Empty;
        lock (_gate)
        {
            _calls[method.ToLowerInvariant()] = _calls.GetValueOrDefault(method.ToLowerInvariant()) + 1;
        }
        Interlocked.Increment(ref _refusedDuringOutage);
        var body = new BotApiError(status, ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error").ToJson();
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(body.ToJsonString(), http.RequestAborted);
        return true;
    }

    private static async Task AnswerRawAsync(HttpContext http, RawAnswer raw)
    {
        http.Response.StatusCode = raw.Status;
        http.Response.ContentType = raw.ContentType;
        await http.Response.WriteAsync(raw.Body, http.RequestAborted);
    }

    private void Drop(HttpContext http)
    {
        Interlocked.Increment(ref _droppedConnections);
        http.Abort();
    }
}
