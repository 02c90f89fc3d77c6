namespace Digest.Core.Conversation;

/// <summary>
/// The commands a platform's menu offers (Telegram's command list, Discord's slash commands), taken from the handlers
/// themselves in the order they are registered, so no menu is a hand-kept copy. Operator commands are left out: they
/// work for operators, but nobody else should be offered them.
/// </summary>
public static class CommandMenu
{
    public static IReadOnlyList<ICommand> For(IEnumerable<ICommand> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        return commands.Where(c => c is not IOperatorCommand).DistinctBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }
}
