using Digest.Core.Conversation;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Digest.Telegram.Commands;

/// <summary>The command menu Telegram shows, from the core's handlers (<see cref="CommandMenu"/>); registered with setMyCommands at start in both modes.</summary>
internal static class TelegramCommands
{
    // Telegram's limit on a command's description.
    private const int MaxDescription = 256;

    public static IReadOnlyList<BotCommand> From(IEnumerable<ICommand> commands) =>
        CommandMenu.For(commands)
            .Select(c => new BotCommand { Command = c.Name.ToLowerInvariant(), Description = Clip(c.Description) })
            .ToList();

    public static Task RegisterAsync(ITelegramBotClient bot, IEnumerable<ICommand> commands, CancellationToken ct) =>
        bot.SetMyCommands(From(commands), cancellationToken: ct);

    private static string Clip(string description) =>
        description.Length <= MaxDescription ? description : description[..(MaxDescription - 1)] + "…";
}
