using System.Text;
using Digest.Core.Assessing;
using Digest.Core.Rendering;

namespace Digest.Core.Conversation.Commands;

/// <summary>/stats: what the LLM cost over the last 7 days, per purpose — for the bot's operators (`digest stats` has the table).</summary>
public sealed class UsageCommand(ILlmUsageLog usage, TimeProvider time) : IOperatorCommand
{
    private const int Days = 7;

    public string Name => "stats";

    public string Description => "Operators: LLM calls and tokens of the last 7 days";

    public bool ChangesSettings => false;

    public async Task HandleAsync(CommandContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var rows = await usage.GetByDayAsync(today.AddDays(1 - Days), ct);
        if (rows.Count == 0)
        {
            await context.Chat.ReplyAsync(new ChatReply($"No LLM calls in the last {Days} days (assessed offline)."), ct);
            return;
        }
        var text = new StringBuilder($"LLM in the last {Days} days: ")
            .Append(LlmCostText.Calls(rows.Sum(r => r.Calls))).Append(", ")
            .Append(LlmCostText.Tokens(rows.Sum(r => r.PromptTokens + r.CompletionTokens)));
        foreach (var purpose in rows.GroupBy(r => r.Purpose).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.Append("\n• ").Append(purpose.Key).Append(": ").Append(LlmCostText.Calls(purpose.Sum(r => r.Calls)))
                .Append(", ").Append(LlmCostText.Tokens(purpose.Sum(r => r.PromptTokens + r.CompletionTokens)));
        }
        await context.Chat.ReplyAsync(new ChatReply(text.ToString()), ct);
    }
}
