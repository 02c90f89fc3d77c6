using Digest.Core.Articles;
using Digest.Core.Conversation.Commands;
using Digest.Core.Conversation.Settings;
using Digest.Core.Subscriptions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Digest.Core.Tests.Conversation.Settings;

public sealed class SettingsChangesTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 2, 8, 0, 0, TimeSpan.Zero);

    private static readonly Subscriber Reader =
        Subscriber.New("telegram", "42", ChatKind.Private, "Ada", Now.AddDays(-10)) with { Id = 1, Active = true, Frequency = Frequency.Daily };

    [Fact]
    public void Less_crypto_more_ai_on_all_categories_mutes_the_keyword_and_boosts_the_category()
    {
        var outcome = Apply(Reader, "less crypto, more AI");

        Assert.Equal(["crypto"], outcome.Subscriber.Mutes);
        Assert.Equal(["ai-ml"], outcome.Subscriber.Boosts);
        Assert.Empty(outcome.Subscriber.Categories);
        Assert.Equal(
            ["Less crypto: articles about crypto are now left out of your digest.", "More AI / ML: its articles now rank higher."],
            outcome.Confirmations);
    }

    [Fact]
    public void No_category_from_all_leaves_all_but_it_and_the_last_category_is_never_turned_off()
    {
        var off = Apply(Reader, "no security");
        var alone = Apply(Reader with { Categories = new HashSet<Category> { Category.Tools } }, "less tools");

        Assert.True(off.Subscriber.Categories.SetEquals(Categories.All.Where(c => c != Category.Security)));
        Assert.Equal(["Security is off."], off.Confirmations);
        Assert.Equal([Category.Tools], alone.Subscriber.Categories);
        Assert.Equal(["Tools / Open Source is the only category left, so it stays: keep at least one."], alone.Confirmations);
    }

    [Fact]
    public void More_of_an_off_category_brings_it_back_and_all_on_is_stored_as_all()
    {
        var allButSecurity = Reader with { Categories = Categories.All.Where(c => c != Category.Security).ToHashSet() };

        var outcome = Apply(allButSecurity, "more security");

        Assert.Empty(outcome.Subscriber.Categories);
        Assert.Empty(outcome.Subscriber.Boosts);
        Assert.Equal(["Security is back in your digest."], outcome.Confirmations);
    }

    [Fact]
    public void Only_sets_the_categories_and_less_steps_a_boost_back_before_turning_anything_off()
    {
        var only = Apply(Reader, "only tools and security");
        var boosted = Reader with { Boosts = new HashSet<string> { "rust", "ai-ml" } };
        var stepped = Apply(boosted, "less rust, less AI");

        Assert.True(only.Subscriber.Categories.SetEquals([Category.Tools, Category.Security]));
        Assert.Equal(["Only Security and Tools / Open Source from now on."], only.Confirmations);
        Assert.Empty(stepped.Subscriber.Boosts);
        Assert.Empty(stepped.Subscriber.Mutes);
        Assert.Empty(stepped.Subscriber.Categories);
        Assert.Equal(["Articles about rust no longer rank higher.", "AI / ML no longer ranks higher."], stepped.Confirmations);
    }

    [Fact]
    public void More_of_a_muted_keyword_unmutes_it_and_boost_of_a_muted_one_swaps_it_over()
    {
        var muted = Reader with { Mutes = new HashSet<string> { "crypto", "rust" } };

        var outcome = Apply(muted, "more crypto, boost rust");

        Assert.Empty(outcome.Subscriber.Mutes);
        Assert.Equal(["rust"], outcome.Subscriber.Boosts);
        Assert.Equal(
            ["Articles about crypto are back in your digest.", "More rust: articles about rust now rank higher."],
            outcome.Confirmations);
    }

    [Fact]
    public void At_most_twenty_keywords_are_muted()
    {
        var full = Reader with { Mutes = Enumerable.Range(1, Subscriber.MaxKeywords).Select(i => $"topic{i}").ToHashSet() };

        var outcome = Apply(full, "mute crypto");

        Assert.Same(full.Mutes, outcome.Subscriber.Mutes);
        Assert.Equal(["You already mute 20 keywords: unmute one first (say \"unmute <keyword>\")."], outcome.Confirmations);
    }

    [Fact]
    public void Time_top_and_zone_are_confirmed_as_the_commands_confirm_them_and_an_out_of_range_top_is_refused()
    {
        var outcome = Apply(Reader, "at 7:30, top 5, my time zone is Europe/Berlin");
        var tooMany = Apply(Reader, "top 50");

        Assert.Equal(new TimeOnly(7, 30), outcome.Subscriber.DeliveryTime);
        Assert.Equal(5, outcome.Subscriber.Top);
        Assert.Equal("Europe/Berlin", outcome.Subscriber.TimeZone);
        Assert.Equal(
            ["The digest will arrive at 07:30 (UTC).", "Your digest will carry the top 5 articles.",
             "Time zone set to Europe/Berlin; the digest arrives at 07:30 there."],
            outcome.Confirmations);
        Assert.Equal(Subscriber.DefaultTop, tooMany.Subscriber.Top);
        Assert.Equal(["A digest carries 1 to 30 articles, so yours stays at the top 15."], tooMany.Confirmations);
    }

    [Fact]
    public void Frequency_changes_a_running_subscription_and_leaves_starting_one_to_subscribe()
    {
        var weeklyOnly = Reader with { Frequency = Frequency.Weekly };

        var both = Apply(weeklyOnly, "daily and weekly");
        var notYet = Apply(Reader with { Active = false, Frequency = Frequency.None }, "weekly");

        Assert.Equal(Frequency.Both, both.Subscriber.Frequency);
        // The daily part starts now: earlier delivery times were not owed to a weekly subscriber.
        Assert.Equal(Now, both.Subscriber.SubscribedAt);
        Assert.Equal(["You'll get the daily digest and the weekly briefing."], both.Confirmations);
        Assert.False(notYet.Subscriber.Active);
        Assert.Equal(["You are not subscribed yet: send /subscribe weekly to start."], notYet.Confirmations);
    }

    [Fact]
    public async Task Plain_words_are_saved_and_confirmed_and_anything_else_is_left_alone()
    {
        var store = new MemoryStore();
        var grammar = new GrammarSettingsReader();
        var handler = new SettingsInPlainWords(grammar, grammar, new FakeTimeProvider(Now), NullLogger<SettingsInPlainWords>.Instance);

        var reading = await handler.ReadAsync("mute crypto and boost kubernetes", Reader, offlineOnly: false, CancellationToken.None);
        var reply = await handler.ApplyAsync(reading, Reader, store, CancellationToken.None);
        var question = await handler.ReadAsync("what is kubernetes", Reader, offlineOnly: false, CancellationToken.None);

        Assert.Equal(
            "Muted crypto: articles about crypto are now left out of your digest.\nMore kubernetes: articles about kubernetes now rank higher.",
            reply);
        var saved = Assert.Single(store.Saved);
        Assert.Equal(["crypto"], saved.Mutes);
        Assert.Equal(["kubernetes"], saved.Boosts);
        Assert.False(question.AsksForChange);
    }

    [Fact]
    public void Settings_list_boosts_and_mutes_only_when_set_a_boosted_category_by_its_label()
    {
        var plain = SettingsText.Describe(Reader);
        var steered = SettingsText.Describe(Reader with { Boosts = new HashSet<string> { "rust", "ai-ml" }, Mutes = new HashSet<string> { "crypto" } });

        Assert.DoesNotContain("Boosted", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("Muted", plain, StringComparison.Ordinal);
        Assert.EndsWith("• Boosted: AI / ML, rust\n• Muted: crypto", steered, StringComparison.Ordinal);
    }

    private static SettingsOutcome Apply(Subscriber subscriber, string text) =>
        SettingsChanges.Apply(subscriber, SettingsGrammar.Parse(text) ?? throw new Xunit.Sdk.XunitException($"'{text}' did not parse"), Now);

    private sealed class MemoryStore : ISubscriberStore
    {
        public List<Subscriber> Saved { get; } = [];

        public Task<Subscriber> SaveAsync(Subscriber subscriber, CancellationToken ct)
        {
            Saved.Add(subscriber);
            return Task.FromResult(subscriber);
        }

        public Task<Subscriber?> GetAsync(string platform, string chatId, CancellationToken ct) =>
            Task.FromResult(Saved.LastOrDefault(s => s.Platform == platform && s.ChatId == chatId));

        public Task<Subscriber?> GetByIdAsync(long id, CancellationToken ct) => Task.FromResult(Saved.LastOrDefault(s => s.Id == id));

        public Task<IReadOnlyList<Subscriber>> GetActiveAsync(Frequency frequency, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<Subscriber>>([]);

        public Task SetActiveAsync(long subscriberId, bool active, CancellationToken ct) => Task.CompletedTask;

        public Task ChangeChatIdAsync(long subscriberId, string newChatId, CancellationToken ct) => Task.CompletedTask;
    }
}
