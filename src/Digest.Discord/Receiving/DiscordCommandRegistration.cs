using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Digest.Core.Conversation;
using Digest.Discord.Rendering;
using Digest.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Digest.Discord.Receiving;

/// <summary>
/// Makes Discord's slash commands of the handlers themselves (<see cref="CommandMenu"/>: operator commands left out),
/// each with one optional text option when the command takes words. Guild-scoped when Discord:GuildId is set (they
/// appear at once, for development), else global. A failure is logged and retried later: the bot answers typed
/// mentions meanwhile, and a stale menu is no reason to stop.
/// </summary>
internal sealed partial class DiscordCommandRegistration(
    DiscordRestClient rest,
    IEnumerable<ICommand> commands,
    IOptions<DiscordOptions> discord,
    IOptions<DiscordReceivingOptions> options,
    TimeProvider time,
    ILogger<DiscordCommandRegistration> logger)
{
    public const int MaxDescriptionLength = 100;
    private const int ChatInput = 1;
    private const int StringOption = 3;
    private static readonly TimeSpan ApplicationIdPoll = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(1);

    [GeneratedRegex(@"^[-_'\p{L}\p{N}]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex CommandName();

    /// <summary>Registers once <paramref name="applicationId"/> knows the application; returns when done or stopped.</summary>
    public async Task RunAsync(Func<string?> applicationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(applicationId);
        try
        {
            string? id;
            while ((id = NonEmpty(discord.Value.ApplicationId) ?? applicationId()) is null)
            {
                await Task.Delay(ApplicationIdPoll, time, ct);
            }
            await RegisterWithRetriesAsync(id, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopped before it was done: the next start registers again.
        }
    }

    private async Task RegisterWithRetriesAsync(string applicationId, CancellationToken ct)
    {
        var body = Build(commands, logger);
        var guildId = NonEmpty(discord.Value.GuildId);
        var delay = options.Value.CommandRetryDelay;
        while (true)
        {
            try
            {
                var registered = guildId is null
                    ? await rest.BulkOverwriteGlobalCommandsAsync(applicationId, body, ct)
                    : await rest.BulkOverwriteGuildCommandsAsync(applicationId, guildId, body, ct);
                logger.LogInformation("Discord slash commands registered: {command_count} {scope}", registered.Count, guildId is null ? "globally" : "in guild " + guildId);
                return;
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                logger.LogWarning("Registering Discord slash commands failed, retrying in {delay}: {error}", delay, e.Message);
                await Task.Delay(delay, time, ct);
                delay = delay * 2 < MaxRetryDelay ? delay * 2 : MaxRetryDelay;
            }
        }
    }

    /// <summary>The bulk-overwrite body; a command whose name Discord would refuse is left out (it would fail them all).</summary>
    public static JsonArray Build(IEnumerable<ICommand> commands, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        var body = new JsonArray();
        foreach (var command in CommandMenu.For(commands))
        {
            var name = command.Name.ToLowerInvariant();
            if (!CommandName().IsMatch(name))
            {
                logger.LogWarning("Command {command} is left out of Discord's menu: not a valid slash command name", command.Name);
                continue;
            }
            var description = Description(command.Description, name);
            var slash = new JsonObject { ["name"] = name, ["type"] = ChatInput, ["description"] = description };
            if (command.Parameter?.ToLowerInvariant() is { } parameter && CommandName().IsMatch(parameter))
            {
                slash["options"] = new JsonArray(new JsonObject
                {
                    ["type"] = StringOption,
                    ["name"] = parameter,
                    ["description"] = description,
                    ["required"] = false,
                });
            }
            body.Add(slash);
        }
        return body;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Description(string? description, string name)
    {
        var text = string.IsNullOrWhiteSpace(description) ? name : description.Trim();
        return text.Length <= MaxDescriptionLength ? text : DiscordMarkdownText.Shorten(text, MaxDescriptionLength);
    }
}
