using Digest.Core.Articles;
using Digest.Core.Conversation.Settings;
using Digest.Core.Subscriptions;
using Digest.Llm.Tests.Support;
using Digest.TestKit.OpenAi;

namespace Digest.Llm.Tests.Settings;

/// <summary>Settings said in any words, read by the model's function calls against the fake OpenAI-compatible server.</summary>
public sealed class SettingsReaderTests
{
    private static readonly Subscriber Reader = Subscriber.New("telegram", "42", ChatKind.Private, null, TestArticles.Now) with
    {
        Active = true,
        Frequency = Frequency.Daily,
        Top = 10,
    };

    [Fact]
    public async Task The_functions_the_model_calls_become_the_changes_in_the_order_called()
    {
        await using var llm = await LlmHarness.StartAsync();
        llm.Server.Enqueue(FakeOpenAiMode.Calling(
            new FakeToolCall("change_keyword", """{"keyword":"crypto","direction":"Less"}"""),
            new FakeToolCall("change_category", """{"category":"AiMl","direction":"More"}"""),
            new FakeToolCall("set_delivery_time", """{"time":"07:15"}""")));

        var reading = await llm.SettingsReader.ReadAsync("fewer crypto posts, more AI please, and can it come at breakfast, 7:15", Reader, CancellationToken.None);

        Assert.Equal<SettingsChange>(
            [new KeywordChange(Leaning.Less, "crypto"), new CategoryChange(Leaning.More, Category.AiMl), new DeliveryTimeChange(new TimeOnly(7, 15))],
            reading.Request!.Changes);
        Assert.Empty(reading.Unclear);
        Assert.Equal(160, reading.Tokens);
        var request = Assert.Single(llm.Server.Requests);
        Assert.Equal("settings", request.Purpose);
        // Every function is offered, and nothing else can be: the functions name no chat.
        Assert.Equal(
            ["settings-change_category", "settings-change_keyword", "settings-only_categories", "settings-set_delivery_time", "settings-set_frequency",
             "settings-set_language", "settings-set_time_zone", "settings-set_top", "settings-set_weekly_day"],
            request.Tools.Order(StringComparer.Ordinal));
        Assert.Contains("fewer crypto posts", request.UserMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("fewer crypto posts", request.SystemPrompt, StringComparison.Ordinal);
        Assert.Contains("\"top\":10", request.UserMessage, StringComparison.Ordinal);
        Assert.Equal(160, llm.Usage.Records.Where(r => r.Purpose == "settings").Sum(r => r.PromptTokens + r.CompletionTokens));
    }

    [Fact]
    public async Task The_weekly_day_the_model_sets_is_checked_as_the_grammar_checks_it()
    {
        await using var llm = await LlmHarness.StartAsync();
        llm.Server.Enqueue(FakeOpenAiMode.Calling(
            new FakeToolCall("set_weekly_day", """{"day":"Fridays"}"""),
            new FakeToolCall("set_weekly_day", """{"day":"someday"}""")));

        var reading = await llm.SettingsReader.ReadAsync("could the weekly one land at the end of the week instead", Reader, CancellationToken.None);

        Assert.Equal<SettingsChange>([new WeeklyDayChange(DayOfWeek.Friday)], reading.Request!.Changes);
        Assert.Equal(["\"someday\" is not a weekday I can read: say e.g. Monday or Friday."], reading.Unclear);
        Assert.Contains("\"weekly_day\":\"Monday\"", Assert.Single(llm.Server.Requests).UserMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_that_asks_for_no_change_calls_nothing_and_reads_as_none()
    {
        await using var llm = await LlmHarness.StartAsync();

        var reading = await llm.SettingsReader.ReadAsync("kubernetes networking", Reader, CancellationToken.None);

        Assert.False(reading.AsksForChange);
        Assert.Equal(1, llm.Server.Calls("settings"));
    }

    [Fact]
    public async Task Calls_of_the_wrong_shape_are_skipped_and_values_that_do_not_check_out_are_said_back()
    {
        await using var llm = await LlmHarness.StartAsync();
        llm.Server.Enqueue(FakeOpenAiMode.Calling(
            new FakeToolCall("delete_all_chats", "{}"),
            new FakeToolCall("change_category", """{"category":"Gardening","direction":"More"}"""),
            new FakeToolCall("set_top", """{"count":"many"}"""),
            new FakeToolCall("set_time_zone", """{"timeZone":"Mars/Olympus_Mons"}"""),
            new FakeToolCall("set_top", """{"count":5}""")));

        var reading = await llm.SettingsReader.ReadAsync("top 5 and my zone is Mars", Reader, CancellationToken.None);

        Assert.Equal<SettingsChange>([new TopChange(5)], reading.Request!.Changes);
        Assert.Equal(["I don't know the time zone \"Mars/Olympus_Mons\": use a name like Europe/Berlin."], reading.Unclear);
        Assert.Contains(llm.Logs.Entries, e => e.Message.Contains("delete_all_chats", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failing_endpoint_throws_so_the_core_reads_with_the_grammar()
    {
        await using var llm = await LlmHarness.StartAsync();
        llm.Server.DefaultMode = FakeOpenAiMode.ServerError;

        await Assert.ThrowsAnyAsync<Exception>(() => llm.SettingsReader.ReadAsync("less crypto", Reader, CancellationToken.None));
        Assert.Contains(llm.Usage.Records, r => r.Purpose == "settings" && !r.Succeeded);
    }
}
