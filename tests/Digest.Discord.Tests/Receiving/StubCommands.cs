using Digest.Core.Conversation;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Discord.Tests.Receiving;

/// <summary>Handlers that only name themselves: the slash commands Discord is given must be made of them.</summary>
public static class StubCommands
{
    public const string LongDescription =
        "Ask a question about the stored articles and get an answer with numbered citations that link the articles it used";

    public static IServiceCollection AddStubCommands(this IServiceCollection services)
    {
        services.AddSingleton<ICommand>(new Named("digest", "Today's digest now", null));
        services.AddSingleton<ICommand>(new Named("ask", LongDescription, "question"));
        services.AddSingleton<ICommand>(new Named("Time", "Set the delivery time", "time"));
        return services.AddSingleton<ICommand>(new Operator());
    }

    private class Named(string name, string description, string? parameter) : ICommand
    {
        public string Name => name;

        public string Description => description;

        public bool ChangesSettings => false;

        public string? Parameter => parameter;

        public Task HandleAsync(CommandContext context, CancellationToken ct) => Task.CompletedTask;
    }

    private sealed class Operator() : Named("feeds", "The feed list", "args"), IOperatorCommand;
}
