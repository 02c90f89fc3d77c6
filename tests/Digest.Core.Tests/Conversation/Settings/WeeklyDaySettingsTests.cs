using Digest.Core.Conversation.Commands;
using Digest.Core.Conversation.Settings;
using Digest.Core.Subscriptions;

namespace Digest.Core.Tests.Conversation.Settings;

public sealed class WeeklyDaySettingsTests
{
    // Tuesday 2 June 2026, 08:00 UTC.
    private static readonly DateTimeOffset Now = new(2026, 6, 2, 8, 0, 0, TimeSpan.Zero);

    private static readonly Subscriber Weekly =
        Subscriber.New("telegram", "42", ChatKind.Private, "Ada", Now.AddDays(-10)) with { Id = 1, Active = true, Frequency = Frequency.Weekly };

    [Theory]
    [InlineData("weekly on fridays", DayOfWeek.Friday)]
    [InlineData("send the weekly on Friday", DayOfWeek.Friday)]
    [InlineData("weekly briefing on monday", DayOfWeek.Monday)]
    [InlineData("please send me the weekly digest on Sundays", DayOfWeek.Sunday)]
    [InlineData("the weekly every thurs", DayOfWeek.Thursday)]
    [InlineData("weekly on wed", DayOfWeek.Wednesday)]
    public void A_weekday_for_the_weekly_is_a_weekly_day_change(string text, DayOfWeek day)
    {
        Assert.Equal([new WeeklyDayChange(day)], SettingsGrammar.Parse(text)?.Changes);
    }

    [Theory]
    [InlineData("weekly on someday")]
    [InlineData("weekly on fridays?")]
    [InlineData("on fridays")]
    public void No_weekday_or_a_question_is_no_weekly_day_change(string text)
    {
        Assert.Null(SettingsGrammar.Parse(text));
    }

    [Fact]
    public void A_weekday_goes_with_other_changes_in_the_order_said()
    {
        Assert.Equal<SettingsChange>(
            [new DeliveryTimeChange(new TimeOnly(7, 0)), new WeeklyDayChange(DayOfWeek.Friday)],
            SettingsGrammar.Parse("at 7:00 and weekly on fridays")?.Changes);
    }

    [Fact]
    public void The_weekday_is_applied_confirmed_and_shown_in_settings()
    {
        var outcome = SettingsChanges.Apply(Weekly, new SettingsRequest([new WeeklyDayChange(DayOfWeek.Friday)]), Now);

        Assert.Equal(DayOfWeek.Friday, outcome.Subscriber.WeeklyDay);
        Assert.Equal(["The weekly briefing will come on Fridays at 08:00 (UTC)."], outcome.Confirmations);
        Assert.Contains("subscribed to the weekly briefing on Fridays at 08:00", SettingsText.Describe(outcome.Subscriber), StringComparison.Ordinal);
    }

    [Fact]
    public void A_daily_only_or_unsubscribed_chat_keeps_the_weekday_and_hears_how_to_get_the_weekly()
    {
        var request = new SettingsRequest([new WeeklyDayChange(DayOfWeek.Friday)]);

        var daily = SettingsChanges.Apply(Weekly with { Frequency = Frequency.Daily }, request, Now);
        var none = SettingsChanges.Apply(Weekly with { Active = false, Frequency = Frequency.None }, request, Now);

        Assert.Equal(DayOfWeek.Friday, daily.Subscriber.WeeklyDay);
        Assert.Equal(["The weekly briefing will come on Fridays at 08:00 (UTC). Say \"weekly too\" to get it as well."], daily.Confirmations);
        Assert.Equal(["The weekly briefing will come on Fridays at 08:00 (UTC). Send /subscribe weekly to get it."], none.Confirmations);
        Assert.DoesNotContain("weekly briefing on", SettingsText.Describe(daily.Subscriber), StringComparison.Ordinal);
    }

    [Fact]
    public void Adding_the_weekly_says_when_the_first_one_comes_instead_of_not_published()
    {
        var daily = Weekly with { Frequency = Frequency.Daily };

        var added = SettingsChanges.Apply(daily, new SettingsRequest([new FrequencyChange(Frequency.Weekly, Added: true)]), Now);
        var only = SettingsChanges.Apply(daily with { WeeklyDay = DayOfWeek.Tuesday, DeliveryTime = new TimeOnly(9, 30) },
            new SettingsRequest([new FrequencyChange(Frequency.Weekly, Added: false)]), Now);

        Assert.Equal(["You'll get the daily digest and the weekly briefing. Your first weekly briefing comes on Monday at 08:00."], added.Confirmations);
        Assert.Equal(["You'll get the weekly briefing only. Your first weekly briefing comes today at 09:30."], only.Confirmations);
        Assert.DoesNotContain(added.Confirmations.Concat(only.Confirmations), c => c.Contains("not published", StringComparison.Ordinal));
    }

    [Fact]
    public void Adding_the_weekly_to_a_running_daily_starts_it_now_so_a_weekly_time_earlier_today_is_not_owed()
    {
        var daily = Weekly with { Frequency = Frequency.Daily, WeeklyDay = DayOfWeek.Tuesday, DeliveryTime = new TimeOnly(7, 0) };

        var both = FirstDelivery.Starting(daily, Frequency.Both, Now);
        var stillDaily = FirstDelivery.Starting(both with { SubscribedAt = Now.AddDays(-3) }, Frequency.Daily, Now);

        Assert.Equal(Now, both.SubscribedAt);
        Assert.Equal("Your first weekly briefing comes on Tuesday at 07:00.", FirstDelivery.FirstWeekly(both, Now));
        Assert.Equal(Now.AddDays(-3), stillDaily.SubscribedAt);
    }

    [Fact]
    public void A_new_weekly_subscriber_hears_when_the_first_briefing_comes()
    {
        var saved = FirstDelivery.Starting(Weekly with { Active = false, Frequency = Frequency.None, WeeklyDay = DayOfWeek.Thursday }, Frequency.Weekly, Now);

        var reply = FirstDelivery.Reply("Subscribed! ", saved, Now);

        Assert.EndsWith("Your first weekly briefing comes on Thursday at 08:00.", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("not published", reply.Text, StringComparison.Ordinal);
    }
}
