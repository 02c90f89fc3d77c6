using Digest.Core.Conversation;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Telegram.Tests.TestSupport;

/// <summary>Handlers that only name themselves: the menu Telegram is given must be made of them.</summary>
public static class MenuCommands
{
    public static readonly string[] Names = ["start", "subscribe", "digest", "help"];

    public static IServiceCollection AddMenuCommands(this IServiceCollection services)
    {
        foreach (var name in Names)
        {
            services.AddSingleton<ICommand>(new Named(name));
        }
        return services.AddSingleton<ICommand>(new Operator());
    }

    private class Named(string name) : ICommand
    {
        public string Name => name;

        public string Description => $"Does {name}";

        public bool ChangesSettings => false;

        public Task HandleAsync(CommandContext context, CancellationToken ct) => Task.CompletedTask;
    }

    private sealed class Operator() : Named("feeds"), IOperatorCommand;
}
