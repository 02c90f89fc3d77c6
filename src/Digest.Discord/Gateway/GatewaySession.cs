namespace Digest.Discord.Gateway;

/// <summary>
/// What survives a dropped connection: the session READY opened, where to resume it, and the last sequence
/// number seen. The heartbeat reads the sequence from another thread, hence the lock.
/// </summary>
internal sealed class GatewaySession
{
    private readonly object _gate = new();
    private string? _sessionId;
    private string? _resumeUrl;
    private long? _sequence;

    public string? SessionId
    {
        get
        {
            lock (_gate)
            {
                return _sessionId;
            }
        }
    }

    public string? ResumeUrl
    {
        get
        {
            lock (_gate)
            {
                return _resumeUrl;
            }
        }
    }

    public long? Sequence
    {
        get
        {
            lock (_gate)
            {
                return _sequence;
            }
        }
    }

    public string? ApplicationId { get; private set; }

    public string? BotUserId { get; private set; }

    public bool CanResume
    {
        get
        {
            lock (_gate)
            {
                return _sessionId is not null && _resumeUrl is not null;
            }
        }
    }

    public void Start(string sessionId, string? resumeUrl, string? applicationId, string? botUserId)
    {
        lock (_gate)
        {
            _sessionId = sessionId;
            _resumeUrl = resumeUrl;
        }
        ApplicationId = applicationId ?? ApplicationId;
        BotUserId = botUserId ?? BotUserId;
    }

    public void Observe(long sequence)
    {
        lock (_gate)
        {
            // A replay after a resume never goes backwards, but a stray lower number must not rewind the resume point.
            if (_sequence is null || sequence > _sequence)
            {
                _sequence = sequence;
            }
        }
    }

    /// <summary>The next connection identifies afresh; its sequence numbers start again at 1.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _sessionId = null;
            _resumeUrl = null;
            _sequence = null;
        }
    }
}
