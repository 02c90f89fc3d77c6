using Digest.Core.Conversation.Settings;
using Digest.Core.Subscriptions;
using Digest.Llm.Chat;
using Digest.Llm.Prompts;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;

namespace Digest.Llm.Settings;

/// <summary>
/// Reads settings said in any words with Semantic Kernel function calling: one call offers <see cref="SettingsTools"/>,
/// and the functions the model asks for are run here, without a second call (the confirmation is the core's). Only the
/// reader's message and the chat's settings are sent: no article text ever reaches a call that can change settings.
/// </summary>
public sealed class LlmSettingsReader : ISettingsReader
{
    /// <summary>More calls than any message asks for; the rest would be a model gone astray.</summary>
    public const int MaxCalls = 8;

    private readonly LlmChat _chat;
    private readonly ILogger<LlmSettingsReader> _logger;

    public LlmSettingsReader(LlmConnection llm, ILogger<LlmSettingsReader> logger)
    {
        ModelId = llm.ModelId;
        _logger = logger;
        _chat = llm.Open(logger, "read settings with the grammar");
    }

    public string ModelId { get; }

    public async Task<SettingsReading> ReadAsync(string text, Subscriber current, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(current);
        var tools = new SettingsTools();
        var kernel = new Kernel();
        kernel.Plugins.AddFromObject(tools, "settings");
        var (answer, tokens) = await _chat.CallFunctionsAsync(Prompt.Settings, Prompt.Settings.Text, SettingsRequestMessage.For(text, current), kernel, ct);
        var calls = FunctionCallContent.GetFunctionCalls(answer).ToList();
        foreach (var call in calls.Take(MaxCalls))
        {
            try
            {
                if (call.Exception is not null)
                {
                    throw call.Exception;
                }
                await call.InvokeAsync(kernel, ct);
            }
            catch (Exception ex) when (ex is KernelException or KeyNotFoundException or ArgumentException or FormatException or InvalidOperationException)
            {
                // An unknown function or arguments of the wrong shape: that call is skipped, the others still count.
                _logger.LogWarning("Settings call {function} from {model_id} was not usable: {error}", call.FunctionName, ModelId, ex.Message);
            }
        }
        if (calls.Count > MaxCalls)
        {
            _logger.LogWarning("{model_id} asked for {count} settings calls; the first {max} were read", ModelId, calls.Count, MaxCalls);
        }
        var request = tools.Changes.Count == 0 ? null : new SettingsRequest(tools.Changes);
        return new SettingsReading(request, tools.Unclear, tokens);
    }
}
