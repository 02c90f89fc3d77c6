using Digest.Core.Assessing;
using Digest.Core.Conversation.Asking;
using Digest.Llm.Answering;
using Digest.Llm.Settings;
using Digest.Llm.Weekly;
using Digest.TestKit.OpenAi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Digest.Llm.Tests.Support;

/// <summary>An LlmAssessor, an LlmAnswerer, an LlmSettingsReader and an LlmBriefingWriter wired by AddDigestLlm against a fresh fake server, with short back-offs for tests.</summary>
public sealed class LlmHarness : IAsyncDisposable
{
    public const string ApiKey = "sk-test-5ecret-Key-0123456789";
    public const string Model = "test-model";

    private readonly ServiceProvider _services;

    private LlmHarness(FakeOpenAiServer server, ServiceProvider services, InMemoryUsageLog usage, LogCapture logs)
    {
        Server = server;
        _services = services;
        Usage = usage;
        Logs = logs;
        Assessor = services.GetRequiredService<LlmAssessor>();
        Answerer = services.GetRequiredService<LlmAnswerer>();
        SettingsReader = services.GetRequiredService<LlmSettingsReader>();
        BriefingWriter = services.GetRequiredService<LlmBriefingWriter>();
    }

    public FakeOpenAiServer Server { get; }

    public LlmAssessor Assessor { get; }

    public LlmAnswerer Answerer { get; }

    public LlmSettingsReader SettingsReader { get; }

    public LlmBriefingWriter BriefingWriter { get; }

    /// <summary>The core's question service over <see cref="Answerer"/>; its retrieval is not used (answers come from given sources).</summary>
    public QuestionService Questions() =>
        new(Answerer, new OfflineAnswerer(), new Retrieval(new NoArticleStore("Answering from given sources")), NullLogger<QuestionService>.Instance);

    public InMemoryUsageLog Usage { get; }

    public LogCapture Logs { get; }

    public static async Task<LlmHarness> StartAsync(IDictionary<string, string?>? overrides = null)
    {
        var server = await FakeOpenAiServer.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Llm:Endpoint"] = server.Endpoint.ToString(),
            ["Llm:ApiKey"] = ApiKey,
            ["Llm:Model"] = Model,
            ["Llm:Timeout"] = "00:00:05",
            ["Llm:MaxRetries"] = "2",
            ["Llm:RetryDelay"] = "00:00:00.010",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        var usage = new InMemoryUsageLog();
        var logs = new LogCapture();
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs))
            .AddSingleton<ILlmUsageLog>(usage)
            .AddSingleton<TimeProvider>(new FakeTimeProvider(TestArticles.Now))
            .AddDigestLlm(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider(validateScopes: true);
        return new LlmHarness(server, services, usage, logs);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
