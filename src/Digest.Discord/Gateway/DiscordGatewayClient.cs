using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Digest.Discord.Gateway;

/// <summary>
/// Discord's Gateway v10 over one WebSocket (JSON, no compression): keeps a session alive across drops by resuming
/// it, and hands every dispatch but READY and RESUMED to <see cref="Events"/>. Run it with <see cref="RunAsync"/>.
/// </summary>
public sealed class DiscordGatewayClient
{
    private readonly string _token;
    private readonly GatewayOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly GatewaySession _session = new();
    private readonly Channel<GatewayEvent> _events = Channel.CreateUnbounded<GatewayEvent>(new UnboundedChannelOptions { SingleWriter = true });
    private int _running;

    public DiscordGatewayClient(IOptions<DiscordOptions> discord, IOptions<GatewayOptions> options, TimeProvider time, ILogger<DiscordGatewayClient> logger)
    {
        ArgumentNullException.ThrowIfNull(discord);
        ArgumentNullException.ThrowIfNull(options);
        _token = discord.Value.IsBotConfigured
            ? discord.Value.BotToken!
            : throw new ArgumentException("Discord:BotToken is needed to open the gateway", nameof(discord));
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>Dispatches in the order Discord sent them (MESSAGE_CREATE, INTERACTION_CREATE, …); completed when the run ends.</summary>
    public ChannelReader<GatewayEvent> Events => _events.Reader;

    /// <summary>The current session, once READY has opened one; null between a lost session and the next READY.</summary>
    public string? SessionId => _session.SessionId;

    /// <summary>From READY: the application whose commands and interactions these are.</summary>
    public string? ApplicationId => _session.ApplicationId;

    /// <summary>From READY: the bot's own user, to tell mentions of it and its own messages apart.</summary>
    public string? BotUserId => _session.BotUserId;

    /// <summary>
    /// Connects, and reconnects for as long as it can: completes when <paramref name="stopping"/> is cancelled,
    /// faults with <see cref="DiscordGatewayException"/> when Discord closes with a code no retry can fix.
    /// </summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            throw new InvalidOperationException("The gateway client runs once.");
        }
        try
        {
            await ConnectLoopAsync(stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down is the normal end of a run.
        }
        finally
        {
            _events.Writer.TryComplete();
        }
    }

    private async Task ConnectLoopAsync(CancellationToken stopping)
    {
        var failures = 0;
        while (!stopping.IsCancellationRequested)
        {
            var resume = _session.CanResume;
            var url = GatewayUrl(resume ? _session.ResumeUrl! : _options.Url);
            var connection = new GatewayConnection(_token, _options, _session, _events.Writer, _time, _logger);
            GatewayNext next;
            try
            {
                _logger.LogDebug("Discord gateway connecting to {gateway_url}", url);
                next = await connection.RunAsync(url, resume, stopping);
            }
            catch (Exception ex) when (ex is not DiscordGatewayException && !stopping.IsCancellationRequested)
            {
                _logger.LogWarning("Discord gateway connection to {gateway_url} failed: {reason}", url, ex.Message);
                next = GatewayNext.Resume;
            }
            failures = connection.Established ? 0 : failures + 1;
            if (stopping.IsCancellationRequested)
            {
                return;
            }
            var delay = next == GatewayNext.IdentifyLater ? InvalidSessionDelay() : Backoff(failures);
            _logger.LogDebug("Discord gateway reconnecting in {delay_ms} ms", delay.TotalMilliseconds);
            await Task.Delay(delay, _time, stopping);
        }
    }

    /// <summary>The first retry after a working connection waits the base delay; each failed one doubles it.</summary>
    private TimeSpan Backoff(int failures)
    {
        var factor = Math.Pow(2, Math.Min(failures, 16));
        var delay = _options.ReconnectDelay * factor;
        return delay < _options.MaxReconnectDelay ? delay : _options.MaxReconnectDelay;
    }

    private TimeSpan InvalidSessionDelay()
    {
        var (min, max) = (_options.InvalidSessionMinDelay, _options.InvalidSessionMaxDelay);
        return max > min ? min + ((max - min) * Random.Shared.NextDouble()) : min;
    }

    private static Uri GatewayUrl(string baseUrl) => new UriBuilder(baseUrl) { Query = "v=10&encoding=json" }.Uri;
}
