namespace Digest.Llm;

/// <summary>
/// The OpenAI-compatible endpoint to assess with (configuration section "Llm"). Without an API key the app
/// assesses offline, so nothing here is checked until a key is set.
/// </summary>
public sealed class LlmOptions
{
    public const string SectionName = "Llm";

    /// <summary>The base URL including the version prefix: the client appends /chat/completions to it.</summary>
    public string Endpoint { get; set; } = "https://api.openai.com/v1";

    /// <summary>Secret. Local servers that ignore keys (Ollama, vLLM, LM Studio) still need any non-empty value here.</summary>
    public string? ApiKey { get; set; }

    public string Model { get; set; } = "gpt-4o-mini";

    /// <summary>
    /// Requests in flight at once towards the endpoint, whatever they are for. The core reads the same key for how many
    /// batches and write-ups it starts at once (AssessOptions); the batch size is the core's alone (Llm:BatchSize).
    /// </summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>How long one HTTP attempt may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries after a 429, a 5xx, a timeout or a network error.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first back-off when the server does not say how long to wait; it doubles with each retry.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>What 1,000 tokens (prompt and completion alike) cost, for the estimate `digest stats` prints; none when unset.</summary>
    public decimal? PricePer1kTokens { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ApiKey);

    public Uri EndpointUri => new(Endpoint.TrimEnd('/'));

    // The key stays out of anything that might print these options.
    public override string ToString() =>
        $"Endpoint={Endpoint}, Model={Model}, ApiKey={(IsConfigured ? "(set)" : "(none)")}, " +
        $"MaxConcurrency={MaxConcurrency}, Timeout={Timeout}, MaxRetries={MaxRetries}";

    /// <summary>What is wrong, each naming its key; empty when valid or not configured (the price counts either way).</summary>
    internal IEnumerable<string> Validate()
    {
        // Checked without a key too: stats estimate the cost of past calls after the key is gone.
        if (PricePer1kTokens is < 0 or > 1000)
        {
            yield return "Llm:PricePer1kTokens must be between 0 and 1000 (the price of 1,000 tokens).";
        }
        if (!IsConfigured)
        {
            yield break;
        }
        if (!Uri.TryCreate(Endpoint?.TrimEnd('/'), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || !uri.AbsolutePath.EndsWith("/v1", StringComparison.Ordinal))
        {
            yield return "Llm:Endpoint must be an absolute http(s) URL ending in /v1 (e.g. https://api.openai.com/v1).";
        }
        if (string.IsNullOrWhiteSpace(Model))
        {
            yield return "Llm:Model must name the model to call.";
        }
        if (MaxConcurrency is < 1 or > 64)
        {
            yield return "Llm:MaxConcurrency must be between 1 and 64.";
        }
        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromMinutes(10))
        {
            yield return "Llm:Timeout must be more than zero and at most 10 minutes.";
        }
        if (MaxRetries is < 0 or > 10)
        {
            yield return "Llm:MaxRetries must be between 0 and 10.";
        }
        if (RetryDelay < TimeSpan.Zero || RetryDelay > TimeSpan.FromMinutes(1))
        {
            yield return "Llm:RetryDelay must be between 0 and 1 minute.";
        }
    }
}
