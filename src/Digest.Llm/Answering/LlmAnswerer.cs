using Digest.Core.Conversation.Asking;
using Digest.Core.Conversation.Memory;
using Digest.Llm.Chat;
using Digest.Llm.Prompts;
using Digest.Llm.Writing;
using Microsoft.Extensions.Logging;

namespace Digest.Llm.Answering;

/// <summary>
/// Answers questions through the OpenAI-compatible endpoint, from the retrieved sources only. A call without a usable
/// answer is asked once more, then throws: the core answers offline.
/// </summary>
public sealed class LlmAnswerer : IAnswerer
{
    private readonly LlmChat _chat;

    public LlmAnswerer(LlmConnection llm, ILogger<LlmAnswerer> logger)
    {
        ModelId = llm.ModelId;
        _chat = llm.Open(logger, "answer with the offline answerer");
    }

    public string ModelId { get; }

    public async Task<Answer> AnswerAsync(
        string question, IReadOnlyList<Source> sources, IReadOnlyList<ChatTurn> earlier, string language, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(earlier);
        if (sources.Count == 0)
        {
            // Nothing to ground an answer in: the core says so without a call.
            throw new LlmAnswerException("No sources were retrieved, so there is nothing to answer from.");
        }
        var system = Prompt.Answer.For(OutputLanguage.Describe(language));
        var user = AnswerRequest.UserMessage(question, sources, earlier);
        long spent = 0;
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var (answer, tokens) = await _chat.AskCountingAsync(Prompt.Answer, system, user, temperature: 0.2, AnswerJson.Read, ct);
            spent += tokens;
            if (answer is not null)
            {
                return answer with { Tokens = spent };
            }
        }
        throw new LlmAnswerException($"{ModelId} gave no valid answer in two answers.");
    }
}
