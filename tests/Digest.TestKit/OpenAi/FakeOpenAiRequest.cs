namespace Digest.TestKit.OpenAi;

/// <summary>
/// One chat completion request as the fake saw it. <see cref="Purpose"/> comes from the "Task: …" line of the
/// system prompt (score, writeup, highlights, answer, settings, weekly, or unknown); <see cref="ResponseFormat"/> is the raw JSON,
/// if any; <see cref="Tools"/> are the names of the functions offered, none when the request offers no tools.
/// </summary>
public sealed record FakeOpenAiRequest(
    string Purpose,
    string Model,
    string SystemPrompt,
    string UserMessage,
    string? ResponseFormat,
    string? Authorization,
    FakeOpenAiMode Mode,
    IReadOnlyList<string> Tools);
