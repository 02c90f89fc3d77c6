using System.Diagnostics;
using Digest.Core.Assessing;
using Digest.Llm.Prompts;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using ChatResponseFormat = OpenAI.Chat.ChatResponseFormat;
using ChatTokenUsage = OpenAI.Chat.ChatTokenUsage;

namespace Digest.Llm.Chat;

/// <summary>
/// One question to the model: a system prompt, a user message, a structured answer read by the caller's
/// validator. Every call is recorded in the usage log, whether it failed on the wire or with an unusable answer.
/// </summary>
internal sealed class LlmChat(IChatCompletionService chat, string model, ILlmUsageLog usage, TimeProvider time, ILogger logger)
{
    /// <summary>
    /// The validated answer, or null when the model answered something unusable. Wire failures throw.
    /// <paramref name="format"/> replaces the prompt's own response format for this call.
    /// </summary>
    public async Task<T?> AskAsync<T>(
        Prompt prompt, string system, string user, double temperature, Func<string, T?> read, CancellationToken ct, ChatResponseFormat? format = null)
        where T : class =>
        (await AskCountingAsync(prompt, system, user, temperature, read, ct, format)).Value;

    /// <summary>As <see cref="AskAsync"/>, with the tokens the call cost (prompt and completion, as the server reported them).</summary>
    public async Task<(T? Value, long Tokens)> AskCountingAsync<T>(
        Prompt prompt, string system, string user, double temperature, Func<string, T?> read, CancellationToken ct, ChatResponseFormat? format = null)
        where T : class
    {
        var history = new ChatHistory(system);
        history.AddUserMessage(user);
        var settings = new OpenAIPromptExecutionSettings { Temperature = temperature, ResponseFormat = format ?? prompt.ResponseFormat };
        var started = Stopwatch.GetTimestamp(); // a duration on the wire, not a point in the digest's time
        ChatMessageContent answer;
        try
        {
            answer = await chat.GetChatMessageContentAsync(history, settings, kernel: null, ct);
        }
        catch (Exception ex)
        {
            logger.LogWarning("LLM {purpose} call to {model_id} failed after {elapsed_ms:0} ms: {error}",
                prompt.Purpose, model, Stopwatch.GetElapsedTime(started).TotalMilliseconds, ex.Message);
            // Recorded even when cancelled: the attempt may have cost tokens all the same.
            await usage.RecordAsync(new LlmUsage(model, prompt.Purpose, 0, 0, Succeeded: false, time.GetUtcNow()), CancellationToken.None);
            throw;
        }

        var result = read(answer.Content ?? "");
        var spent = await RecordAsync(prompt, answer, result is not null, ct);
        if (result is null)
        {
            // The answer itself may echo article text, so only its size is logged.
            logger.LogWarning("LLM {purpose} answer from {model_id} was unusable ({length} characters)", prompt.Purpose, model, answer.Content?.Length ?? 0);
        }
        else
        {
            logger.LogDebug("LLM {purpose} call to {model_id} took {elapsed_ms:0} ms", prompt.Purpose, model, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return (result, spent);
    }

    /// <summary>
    /// One call that may answer with function calls instead of text: <paramref name="kernel"/>'s functions are offered
    /// and not invoked (the caller decides what to run). The answer and the tokens it cost.
    /// </summary>
    public async Task<(ChatMessageContent Answer, long Tokens)> CallFunctionsAsync(Prompt prompt, string system, string user, Kernel kernel, CancellationToken ct)
    {
        var history = new ChatHistory(system);
        history.AddUserMessage(user);
        var settings = new OpenAIPromptExecutionSettings
        {
            Temperature = 0,
            FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(autoInvoke: false),
        };
        ChatMessageContent answer;
        try
        {
            answer = await chat.GetChatMessageContentAsync(history, settings, kernel, ct);
        }
        catch (Exception ex)
        {
            logger.LogWarning("LLM {purpose} call to {model_id} failed: {error}", prompt.Purpose, model, ex.Message);
            await usage.RecordAsync(new LlmUsage(model, prompt.Purpose, 0, 0, Succeeded: false, time.GetUtcNow()), CancellationToken.None);
            throw;
        }
        return (answer, await RecordAsync(prompt, answer, succeeded: true, ct));
    }

    private async Task<long> RecordAsync(Prompt prompt, ChatMessageContent answer, bool succeeded, CancellationToken ct)
    {
        var tokens = answer.Metadata is { } metadata && metadata.TryGetValue("Usage", out var value) ? value as ChatTokenUsage : null;
        await usage.RecordAsync(
            new LlmUsage(model, prompt.Purpose, tokens?.InputTokenCount ?? 0, tokens?.OutputTokenCount ?? 0, succeeded, time.GetUtcNow()),
            ct);
        return (tokens?.InputTokenCount ?? 0) + (tokens?.OutputTokenCount ?? 0);
    }
}
