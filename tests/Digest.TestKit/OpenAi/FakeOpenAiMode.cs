namespace Digest.TestKit.OpenAi;

public enum FakeOpenAiBehaviour
{
    /// <summary>Schema-valid answers, deterministic from the request (see <see cref="FakeAnswers"/>).</summary>
    Valid,

    /// <summary>A 200 whose content is not JSON.</summary>
    Junk,

    /// <summary>Scoring: the first article missing, the second out of range. Write-up and highlights: too short.</summary>
    PartiallyValid,

    /// <summary>Scoring: valid, but articles with an odd id get one keyword (see <see cref="FakeAnswers.GetsOneKeyword"/>). Otherwise as Valid.</summary>
    OneKeyword,

    /// <summary>Answering: a valid answer that also cites [<see cref="FakeAnswers.UnknownSource"/>], a number no source has. Otherwise as Valid.</summary>
    BadCitation,

    /// <summary>Answering: found=false, the sources do not answer the question. Otherwise as Valid.</summary>
    NotFound,

    /// <summary>
    /// The scripted function calls (<see cref="FakeOpenAiMode.ToolCalls"/>) instead of text, as a model that chose tools
    /// answers: finish_reason tool_calls.
    /// </summary>
    CallsTools,

    /// <summary>The scripted content (<see cref="FakeOpenAiMode.Content"/>) verbatim, whatever the request asked.</summary>
    Replies,

    /// <summary>429 with a Retry-After header and OpenAI's error body.</summary>
    RateLimited,

    ServerError,

    /// <summary>Never answers; the request ends only when the client gives up.</summary>
    Hang,
}

/// <summary>
/// One function call the fake answers with. <paramref name="Function"/> is the name as offered ("settings-set_top"), or
/// its part after the plugin's dash ("set_top") when one offered function ends so; <paramref name="Arguments"/> is JSON.
/// </summary>
public sealed record FakeToolCall(string Function, string Arguments);

/// <summary>How the fake answers one request.</summary>
public sealed record FakeOpenAiMode(FakeOpenAiBehaviour Behaviour, int RetryAfterSeconds = 0)
{
    public IReadOnlyList<FakeToolCall> ToolCalls { get; init; } = [];

    /// <summary>What a <see cref="FakeOpenAiBehaviour.Replies"/> answer's content is.</summary>
    public string Content { get; init; } = "";

    /// <summary>Answers with exactly this content, for answers the fake cannot derive from the request (the weekly briefing).</summary>
    public static FakeOpenAiMode Replying(string content) => new(FakeOpenAiBehaviour.Replies) { Content = content };

    /// <summary>Answers with these function calls.</summary>
    public static FakeOpenAiMode Calling(params FakeToolCall[] calls) => new(FakeOpenAiBehaviour.CallsTools) { ToolCalls = calls };

    public static FakeOpenAiMode Valid { get; } = new(FakeOpenAiBehaviour.Valid);

    public static FakeOpenAiMode Junk { get; } = new(FakeOpenAiBehaviour.Junk);

    public static FakeOpenAiMode PartiallyValid { get; } = new(FakeOpenAiBehaviour.PartiallyValid);

    public static FakeOpenAiMode OneKeyword { get; } = new(FakeOpenAiBehaviour.OneKeyword);

    public static FakeOpenAiMode BadCitation { get; } = new(FakeOpenAiBehaviour.BadCitation);

    public static FakeOpenAiMode NotFound { get; } = new(FakeOpenAiBehaviour.NotFound);

    public static FakeOpenAiMode ServerError { get; } = new(FakeOpenAiBehaviour.ServerError);

    public static FakeOpenAiMode Hang { get; } = new(FakeOpenAiBehaviour.Hang);

    public static FakeOpenAiMode RateLimited(int retryAfterSeconds) => new(FakeOpenAiBehaviour.RateLimited, retryAfterSeconds);
}
