using System.Globalization;
using Digest.TestKit.OpenAi;

namespace Digest.Integration.Tests.Pipeline.Support;

/// <summary>Configuration for pipeline runs that stay fast on 127.0.0.1.</summary>
public static class PipelineSettings
{
    /// <summary>
    /// Short feed limits (5 s per feed: short enough for the timeout tests, long enough for a CI box running every
    /// test project at once; 1 MB bodies, 20 s per run). The fixtures carry full text, so no article page is
    /// fetched for a write-up (Llm:SnippetThreshold 0): nothing leaves the machine.
    /// </summary>
    public static Dictionary<string, string?> Fast() => new()
    {
        ["Feeds:Timeout"] = "00:00:05",
        ["Feeds:Deadline"] = "00:00:20",
        ["Feeds:MaxBodyBytes"] = "1048576",
        ["Llm:SnippetThreshold"] = "0",
    };

    /// <summary><see cref="Fast"/> plus an LLM at the fake server, with short timeouts and retry delays.</summary>
    public static Dictionary<string, string?> WithLlm(FakeOpenAiServer server, TimeSpan timeout, int maxRetries)
    {
        ArgumentNullException.ThrowIfNull(server);
        var settings = Fast();
        settings["Llm:ApiKey"] = "sk-test-pipeline";
        settings["Llm:Endpoint"] = server.Endpoint.AbsoluteUri;
        settings["Llm:Model"] = "fake-model";
        settings["Llm:Timeout"] = timeout.ToString("c", CultureInfo.InvariantCulture);
        settings["Llm:MaxRetries"] = maxRetries.ToString(CultureInfo.InvariantCulture);
        settings["Llm:RetryDelay"] = "00:00:00.050";
        return settings;
    }
}
