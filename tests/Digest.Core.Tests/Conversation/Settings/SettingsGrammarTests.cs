using Digest.Core.Articles;
using Digest.Core.Conversation.Settings;
using Digest.Core.Subscriptions;

namespace Digest.Core.Tests.Conversation.Settings;

public sealed class SettingsGrammarTests
{
    [Theory]
    [InlineData("more AI", Leaning.More, Category.AiMl)]
    [InlineData("More LLM news please", Leaning.More, Category.AiMl)]
    [InlineData("more machine learning", Leaning.More, Category.AiMl)]
    [InlineData("no security", Leaning.Mute, Category.Security)]
    [InlineData("less infosec", Leaning.Less, Category.Security)]
    [InlineData("more about open source", Leaning.More, Category.Tools)]
    [InlineData("fewer essays", Leaning.Less, Category.Opinion)]
    [InlineData("boost engineering", Leaning.Boost, Category.Engineering)]
    public void A_category_named_by_slug_label_or_synonym_is_a_category_change(string text, Leaning leaning, Category category)
    {
        Assert.Equal([new CategoryChange(leaning, category)], Changes(text));
    }

    [Theory]
    [InlineData("more rust", Leaning.More, "rust")]
    [InlineData("more about rust", Leaning.More, "rust")]
    [InlineData("less crypto", Leaning.Less, "crypto")]
    [InlineData("less about crypto", Leaning.Less, "crypto")]
    [InlineData("mute crypto", Leaning.Mute, "crypto")]
    [InlineData("Boost Kubernetes", Leaning.Boost, "kubernetes")]
    [InlineData("unmute crypto", Leaning.Unmute, "crypto")]
    [InlineData("no more crypto stuff", Leaning.Mute, "crypto")]
    [InlineData("more c++ articles", Leaning.More, "c++")]
    public void Anything_else_of_a_few_words_is_a_lower_case_keyword(string text, Leaning leaning, string keyword)
    {
        Assert.Equal([new KeywordChange(leaning, keyword)], Changes(text));
    }

    [Fact]
    public void Several_changes_in_one_message_come_in_the_order_said()
    {
        Assert.Equal(
            [new KeywordChange(Leaning.Less, "crypto"), new CategoryChange(Leaning.More, Category.AiMl)],
            Changes("less crypto, more AI"));
        Assert.Equal(
            [new CategoryChange(Leaning.More, Category.AiMl), new TopChange(5), new DeliveryTimeChange(new TimeOnly(7, 0))],
            Changes("More AI and top 5. Send it at 7am!"));
    }

    [Fact]
    public void A_bare_topic_after_and_takes_the_verb_before_it()
    {
        Assert.Equal(
            [new CategoryChange(Leaning.More, Category.AiMl), new CategoryChange(Leaning.More, Category.Security)],
            Changes("more AI and security"));
        var only = Assert.IsType<OnlyCategoriesChange>(Assert.Single(Changes("only tools and security")));
        Assert.True(only.Categories.SetEquals([Category.Tools, Category.Security]));
    }

    [Theory]
    [InlineData("only tools")]
    [InlineData("just open source")]
    [InlineData("tools only")]
    public void Only_a_category_keeps_that_category(string text)
    {
        var only = Assert.IsType<OnlyCategoriesChange>(Assert.Single(Changes(text)));
        Assert.Equal([Category.Tools], only.Categories);
    }

    [Theory]
    [InlineData("at 7:30", 7, 30)]
    [InlineData("at 7am", 7, 0)]
    [InlineData("at 7 pm", 19, 0)]
    [InlineData("at 12am", 0, 0)]
    [InlineData("send it at 18:00", 18, 0)]
    [InlineData("please send me the digest at 6.45", 6, 45)]
    [InlineData("deliver at noon", 12, 0)]
    public void A_time_after_at_is_the_delivery_time(string text, int hour, int minute)
    {
        Assert.Equal([new DeliveryTimeChange(new TimeOnly(hour, minute))], Changes(text));
    }

    [Theory]
    [InlineData("top 5", 5)]
    [InlineData("only 5 articles", 5)]
    [InlineData("10 articles", 10)]
    [InlineData("give me 3 posts a day", 3)]
    [InlineData("top 50", 50)]
    public void A_number_of_articles_is_the_top_n(string text, int top)
    {
        Assert.Equal([new TopChange(top)], Changes(text));
    }

    [Theory]
    [InlineData("my time zone is Europe/Berlin", "Europe/Berlin")]
    [InlineData("timezone: europe/berlin", "Europe/Berlin")]
    [InlineData("I'm in Berlin", "Europe/Berlin")]
    [InlineData("I live in new york", "America/New_York")]
    public void A_time_zone_that_resolves_is_taken(string text, string zone)
    {
        Assert.Equal([new TimeZoneChange(zone)], Changes(text));
    }

    [Theory]
    [InlineData("weekly", Frequency.Weekly, false)]
    [InlineData("daily", Frequency.Daily, false)]
    [InlineData("daily and weekly", Frequency.Both, false)]
    [InlineData("both daily and weekly", Frequency.Both, false)]
    [InlineData("weekly too", Frequency.Weekly, true)]
    [InlineData("make it weekly only", Frequency.Weekly, false)]
    public void Frequencies_in_one_message_add_up(string text, Frequency frequency, bool added)
    {
        Assert.Equal([new FrequencyChange(frequency, added)], Changes(text));
    }

    [Theory]
    [InlineData("why does #3 matter?")]
    [InlineData("what is rust?")]
    [InlineData("what is rust")]
    [InlineData("more AI?")]
    [InlineData("tell me more about rust")]
    [InlineData("hi")]
    [InlineData("thanks")]
    [InlineData("ok")]
    [InlineData("no thanks")]
    [InlineData("no idea")]
    [InlineData("less is more")]
    [InlineData("more")]
    [InlineData("more details")]
    [InlineData("more like this")]
    [InlineData("more on #3")]
    [InlineData("I'm in a meeting")]
    [InlineData("I'm in Atlantis")]
    [InlineData("meet me at 7")]
    [InlineData("at 25:00")]
    [InlineData("only rust")]
    [InlineData("more AI and what about the second one")]
    [InlineData("/top 5")]
    [InlineData("")]
    public void Questions_small_talk_and_half_settings_are_not_a_settings_request(string text)
    {
        Assert.Null(SettingsGrammar.Parse(text));
    }

    private static IReadOnlyList<SettingsChange> Changes(string text) =>
        (SettingsGrammar.Parse(text) ?? throw new Xunit.Sdk.XunitException($"'{text}' did not parse")).Changes;
}
