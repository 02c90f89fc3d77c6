using System.Threading.Channels;
using Digest.Core.Conversation;
using Digest.Discord.Gateway;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Digest.Discord.Receiving;

/// <summary>
/// Runs the gateway and answers what it brings: each event is mapped as it arrives (interactions deferred at once),
/// then what is waiting, up to 100, is handled as one batch in order within each chat and chats side by side
/// (<see cref="ChatOrder"/>). Registers the slash commands once READY names the application. A gateway error no
/// reconnect can fix ends this service alone: Telegram and delivery go on.
/// </summary>
internal sealed class DiscordGatewayService(
    DiscordGatewayClient gateway,
    DiscordEventMapper mapper,
    DiscordEventHandler handler,
    DiscordCommandRegistration commands,
    ILogger<DiscordGatewayService> logger) : BackgroundService
{
    public const int BatchSize = 100;

    // READY names the bot once per session; between a lost session and the next one the events already read are still ours.
    private string? _botUserId;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var gatewayDone = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var received = Channel.CreateUnbounded<DiscordReceived>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var running = RunGatewayAsync(stoppingToken);
        var registering = commands.RunAsync(() => gateway.ApplicationId, gatewayDone.Token);
        var intake = IntakeAsync(received.Writer, stoppingToken);
        var handling = HandleBatchesAsync(received.Reader, stoppingToken);
        await running;
        await gatewayDone.CancelAsync();
        await Task.WhenAll(registering, intake, handling).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task RunGatewayAsync(CancellationToken stoppingToken)
    {
        // Off the caller's thread: the host starts its other services while the gateway connects.
        await Task.Yield();
        try
        {
            await gateway.RunAsync(stoppingToken);
        }
        catch (DiscordGatewayException e)
        {
            // The client has logged the cause; this says what it means for the app.
            logger.LogError("Discord gateway stopped for good, Discord chat is off until restart: {error}", e.Message);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError(e, "Discord gateway failed, Discord chat is off until restart: {error}", e.Message);
        }
    }

    /// <summary>Maps every event in the order it came, so a thread is known before the messages written in it.</summary>
    private async Task IntakeAsync(ChannelWriter<DiscordReceived> received, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var gatewayEvent in gateway.Events.ReadAllAsync(stoppingToken))
            {
                if (Map(gatewayEvent) is not { } one)
                {
                    continue;
                }
                if (one.Interaction is { } interaction)
                {
                    // Not awaited: the 3-second window must not wait for the chat's earlier messages to be answered.
                    one = one with { Acknowledged = handler.AcknowledgeAsync(interaction, stoppingToken) };
                }
                received.TryWrite(one);
            }
        }
        finally
        {
            received.TryComplete();
        }
    }

    private DiscordReceived? Map(GatewayEvent gatewayEvent)
    {
        _botUserId = gateway.BotUserId ?? _botUserId;
        try
        {
            return mapper.Map(gatewayEvent, _botUserId);
        }
        catch (Exception e)
        {
            logger.LogWarning("Discord event {event_type} (s={sequence}) could not be read: {error}", gatewayEvent.Type, gatewayEvent.Sequence, e.Message);
            return null;
        }
    }

    private async Task HandleBatchesAsync(ChannelReader<DiscordReceived> received, CancellationToken stoppingToken)
    {
        var batch = new List<DiscordReceived>(BatchSize);
        while (await received.WaitToReadAsync(stoppingToken))
        {
            batch.Clear();
            while (batch.Count < BatchSize && received.TryRead(out var one))
            {
                batch.Add(one);
            }
            await ChatOrder.RunAsync(batch, r => r.Message.ChatId, handler.HandleAsync, stoppingToken);
        }
    }
}
