using Telegram.Bot;
using Telegram.Bot.Types;

namespace Digest.Telegram.Commands;

/// <summary>The command menu Telegram shows; registered with setMyCommands at start in both modes.</summary>
internal static class TelegramCommands
{
    public static IReadOnlyList<BotCommand> All { get; } =
    [
        new() { Command = "start", Description = "Start the bot and see what it can do" },
        new() { Command = "subscribe", Description = "Receive the daily or weekly digest" },
        new() { Command = "unsubscribe", Description = "Stop receiving digests" },
        new() { Command = "categories", Description = "Choose the categories you want" },
        new() { Command = "time", Description = "Set the delivery time" },
        new() { Command = "timezone", Description = "Set your time zone" },
        new() { Command = "top", Description = "Set how many articles a digest shows" },
        new() { Command = "digest", Description = "Get the latest digest now" },
        new() { Command = "settings", Description = "Show your settings" },
        new() { Command = "help", Description = "How to use the bot" },
    ];

    public static Task RegisterAsync(ITelegramBotClient bot, CancellationToken ct) => bot.SetMyCommands(All, cancellationToken: ct);
}
