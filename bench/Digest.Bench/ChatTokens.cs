using System.Globalization;
using System.Text;
using Digest.Core.Articles;
using Digest.Core.Assessing;
using Digest.Core.Conversation.Asking;
using Digest.Core.Conversation.Settings;
using Digest.Core.Subscriptions;
using Digest.TestKit.OpenAi;

namespace Digest.Bench;

/// <summary>
/// What talking to the bot costs in LLM tokens: answers from articles of a real blog post's length, and settings read by
/// the model, against the fake OpenAI-compatible server's estimate (a token per 4 characters of the request).
/// </summary>
internal static class ChatTokens
{
    private static readonly string[] Topics = ["postgres", "kubernetes", "rust", "passkeys", "quic", "fuzzing", "kafka", "simd"];

    public static async Task RunAsync(int questions)
    {
        await using var llm = await FakeOpenAiServer.StartAsync();
        llm.EstimateTokens = true;
        await using var app = await BenchHost.StartAsync(new()
        {
            ["Llm:ApiKey"] = "bench-key",
            ["Llm:Endpoint"] = llm.Endpoint.ToString(),
            ["Llm:Model"] = "bench-model",
        }, delivery: true);
        var now = DateTimeOffset.UtcNow;
        await app.Get<IArticleStore>().AddNewAsync(
            Enumerable.Range(0, 1_000).Select(i => new NewArticle(
                $"https://blog{i % 50}.example/posts/{i}", null, $"https://blog{i % 50}.example/feed", $"blog{i % 50}.example",
                $"Running {Topics[i % Topics.Length]} at scale, part {i}", Body(i), now.AddHours(-i), now)).ToList(),
            default);

        var service = app.Get<QuestionService>();
        for (var q = 0; q < questions; q++)
        {
            await service.AskAsync($"what did the {Topics[q % Topics.Length]} team change after the outage?", AskFocus.None, "en", default);
        }
        var reader = app.Get<SettingsInPlainWords>();
        var chat = Subscriber.New("telegram", "1", ChatKind.Private, null, now);
        for (var q = 0; q < questions; q++)
        {
            await reader.ReadAsync("I'd rather skip the crypto stuff and get it at breakfast, 7:15", chat, offlineOnly: false, default);
        }

        var usage = await app.Get<ILlmUsageLog>().GetByPurposeAsync(now.AddHours(-1), DateTimeOffset.UtcNow.AddMinutes(1), default);
        Figures.Heading($"chat LLM tokens: {questions} answers over 1,000 articles of ~3,000 characters, {questions} settings readings (fake's estimate)");
        foreach (var purpose in (string[])["answer", "settings"])
        {
            var row = usage.FirstOrDefault(u => u.Purpose == purpose);
            Figures.Print($"{purpose}: calls, prompt / completion per call", row is null
                ? "none"
                : string.Create(CultureInfo.InvariantCulture, $"{row.Calls}, {row.PromptTokens / (double)row.Calls:0} / {row.CompletionTokens / (double)row.Calls:0} tokens"));
        }
    }

    private static string Body(int i)
    {
        var text = new StringBuilder();
        for (var p = 0; text.Length < 3_000; p++)
        {
            text.Append(CultureInfo.InvariantCulture, $"In part {i} the {Topics[(i + p) % Topics.Length]} team describes step {p} of the migration: ")
                .Append("what broke under load, how the on-call engineers found it, and which change after the outage kept it from coming back. ")
                .Append("They measured latency before and after, and wrote down what they would do differently.\n\n");
        }
        return text.ToString();
    }
}
