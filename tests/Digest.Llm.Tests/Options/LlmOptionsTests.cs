using Digest.Core.Assessing;
using Digest.Llm.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Digest.Llm.Tests.Options;

public sealed class LlmOptionsTests
{
    [Fact]
    public void Without_a_key_nothing_is_checked_and_the_llm_is_not_configured()
    {
        var options = Resolve(new() { ["Llm:Endpoint"] = "not a url", ["Llm:MaxConcurrency"] = "0" });

        Assert.False(options.IsConfigured);
        Assert.Equal(0, options.MaxConcurrency);
    }

    [Fact]
    public void Defaults_point_at_openai_with_a_small_model()
    {
        var options = Resolve(new() { ["Llm:ApiKey"] = "k" });

        Assert.True(options.IsConfigured);
        Assert.Equal(("https://api.openai.com/v1", "gpt-4o-mini", 4, TimeSpan.FromSeconds(60), 3),
            (options.Endpoint, options.Model, options.MaxConcurrency, options.Timeout, options.MaxRetries));
    }

    [Fact]
    public void The_core_reads_the_same_concurrency_and_owns_the_batch_size()
    {
        // Both bind Llm:MaxConcurrency: with different defaults, a user who sets nothing would get two limits.
        Assert.Equal(new LlmOptions().MaxConcurrency, new AssessOptions().MaxConcurrency);
        Assert.Equal(25, new AssessOptions().BatchSize);
        Assert.Null(typeof(LlmOptions).GetProperty("BatchSize"));
    }

    [Theory]
    [InlineData("Llm:Endpoint", "http://localhost:11434", "Llm:Endpoint must be an absolute http(s) URL ending in /v1")]
    [InlineData("Llm:Endpoint", "ftp://example.com/v1", "Llm:Endpoint must be an absolute http(s) URL ending in /v1")]
    [InlineData("Llm:Endpoint", "/v1", "Llm:Endpoint must be an absolute http(s) URL ending in /v1")]
    [InlineData("Llm:Model", " ", "Llm:Model must")]
    [InlineData("Llm:MaxConcurrency", "65", "Llm:MaxConcurrency must")]
    [InlineData("Llm:Timeout", "00:00:00", "Llm:Timeout must")]
    [InlineData("Llm:MaxRetries", "-1", "Llm:MaxRetries must")]
    [InlineData("Llm:RetryDelay", "00:05:00", "Llm:RetryDelay must")]
    public void An_invalid_setting_fails_with_a_message_naming_its_key(string key, string value, string message)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["Llm:ApiKey"] = "k", [key] = value }));

        var failure = Assert.Single(error.Failures);
        Assert.StartsWith(message, failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8000/v1")]
    [InlineData("https://openrouter.ai/api/v1/")]
    public void An_endpoint_ending_in_v1_is_accepted(string endpoint) =>
        Assert.Equal(endpoint, Resolve(new() { ["Llm:ApiKey"] = "k", ["Llm:Endpoint"] = endpoint }).Endpoint);

    [Fact]
    public void The_assessor_is_registered_as_itself_and_not_as_the_core_port()
    {
        using var services = Services(new() { ["Llm:ApiKey"] = "k" });

        Assert.NotNull(services.GetRequiredService<LlmAssessor>());
        Assert.Null(services.GetService<IAssessor>());
    }

    [Fact]
    public void Resolving_the_assessor_without_a_key_says_to_assess_offline()
    {
        using var services = Services([]);

        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<LlmAssessor>());
        Assert.Contains("Llm:ApiKey", error.Message, StringComparison.Ordinal);
    }

    private static LlmOptions Resolve(Dictionary<string, string?> settings)
    {
        using var services = Services(settings);
        return services.GetRequiredService<IOptions<LlmOptions>>().Value;
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddLogging()
            .AddSingleton<ILlmUsageLog>(new InMemoryUsageLog())
            .AddDigestLlm(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();
}
