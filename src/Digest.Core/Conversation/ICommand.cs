using Digest.Core.Subscriptions;

namespace Digest.Core.Conversation;

/// <summary>One chat command (/time, /categories, …) with its own handler.</summary>
public interface ICommand
{
    /// <summary>Without the slash: "time".</summary>
    string Name { get; }

    string Description { get; }

    /// <summary>In groups and channels only admins may run commands that change settings.</summary>
    bool ChangesSettings { get; }

    /// <summary>
    /// What the words after the command are ("question", "url"), for menus that ask for them (Discord's slash command
    /// option); null when the command takes none.
    /// </summary>
    string? Parameter => null;

    Task HandleAsync(CommandContext context, CancellationToken ct);
}

/// <summary>A command invocation: the message, its chat, the words after the command, and the chat's subscription.</summary>
public sealed record CommandContext(IncomingMessage Message, IChatContext Chat, string Arguments, Subscriber Subscriber);

/// <summary>A command that also answers its own buttons (callback data starting with <see cref="CallbackPrefix"/>).</summary>
public interface IButtonCommand : ICommand
{
    string CallbackPrefix { get; }

    Task HandleButtonAsync(CommandContext context, string data, CancellationToken ct);
}

/// <summary>A command for the bot's operators only (the feed list, usage figures): nobody else may run it in any chat.</summary>
public interface IOperatorCommand : ICommand;
