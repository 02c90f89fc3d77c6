using Digest.App.Chat;
using Digest.App.Hosting;
using Digest.Core.Conversation;
using Digest.Core.Delivery;
using Digest.Core.Rendering;
using Digest.Core.Subscriptions;
using Digest.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.App.Cli;

/// <summary>
/// <c>digest chat</c>: the bot in a terminal. Each line read is a message from one private chat ("console"), handled by
/// the same router as Telegram's; editions and replies come back through the outbox, printed as Markdown.
/// </summary>
internal static class ChatCommand
{
    public const string Usage = "chat";

    private const string ChatId = "terminal";

    public static async Task<int> RunAsync(CliArguments args, CancellationToken ct)
    {
        args.AllowOnly();
        var output = Console.Out;
        var builder = DigestHostBuilder.CreateHost();
        builder.Services.AddDigestPipeline(builder.Configuration);
        builder.Services.AddDigestDelivery(builder.Configuration);
        builder.Services.AddSingleton<IChannel>(new ConsoleChannel(output));
        builder.Services.AddSingleton<IEditionRenderer, ConsoleEditionRenderer>();
        using var host = builder.Build();
        DigestApp.ValidateOptions(host.Services);
        await host.Services.GetRequiredService<SqliteDatabase>().MigrateAsync(ct);
        var services = host.Services;
        var conversation = services.GetRequiredService<IConversation>();
        var planner = services.GetRequiredService<DeliveryPlanner>();
        var sender = services.GetRequiredService<OutboxSender>();
        var chat = new ConsoleChatContext(output);
        // Questions need articles and /digest an edition: the same first step as `digest send --now`.
        await SendCommand.CollectUnlessFreshAsync(services, ct);

        await output.WriteLineAsync("Digest chat. Type /help, ask about the articles, paste a link, or say how you want your digest; Ctrl-D ends.\n");
        while (await Console.In.ReadLineAsync(ct) is { } line)
        {
            if (line.Trim().Length == 0)
            {
                continue;
            }
            var message = new IncomingMessage(ConsoleChannel.PlatformName, ChatId, ChatKind.Private, "Terminal", "you", line);
            await conversation.HandleAsync(message, chat, ct);
            // What the message asked to be sent (a /digest, say) goes out through the outbox now, not on a schedule.
            await planner.PlanDueAsync(ct);
            await sender.RunAsync(untilDone: true, ct);
        }
        return 0;
    }
}
