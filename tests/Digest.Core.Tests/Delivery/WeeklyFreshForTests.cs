using System.ComponentModel.DataAnnotations;
using Digest.Core.Delivery;

namespace Digest.Core.Tests.Delivery;

public class WeeklyFreshForTests
{
    [Theory]
    [InlineData("1.00:00:00", true)]
    [InlineData("06:00:00", true)]
    [InlineData("00:00:00", false)]
    [InlineData("7.00:00:00", false)]
    public void A_weekly_is_reused_for_a_positive_span_shorter_than_a_week(string span, bool valid)
    {
        var options = new DeliveryOptions { WeeklyFreshFor = TimeSpan.Parse(span, System.Globalization.CultureInfo.InvariantCulture) };

        var errors = options.Validate(new ValidationContext(options)).Where(r => r.MemberNames.Contains(nameof(DeliveryOptions.WeeklyFreshFor)));

        Assert.Equal(valid, !errors.Any());
    }

    [Fact]
    public void By_default_one_weekly_serves_a_day() => Assert.Equal(TimeSpan.FromDays(1), new DeliveryOptions().WeeklyFreshFor);
}
