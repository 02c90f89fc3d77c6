namespace Digest.TestKit.OpenAi;

/// <summary>
/// One chat completion request as the fake saw it. <see cref="Purpose"/> comes from the "Task: …" line of the
/// system prompt (score, writeup, highlights, answer, or unknown); <see cref="ResponseFormat"/> is the raw JSON, if any.
/// </summary>
public sealed record FakeOpenAiRequest(
    string Purpose,
    string Model,
    string SystemPrompt,
    string UserMessage,
    string? ResponseFormat,
    string? Authorization,
    FakeOpenAiMode Mode);
