using System.Globalization;
using Digest.Feeds.Parsing;

namespace Digest.Feeds.Tests.Parsing;

public sealed class FeedDateTests
{
    [Theory]
    [InlineData("Tue, 10 Jun 2003 04:00:00 +0200", "2003-06-10T04:00:00+02:00")]
    [InlineData("Tue, 10 Jun 2003 04:00:00 GMT", "2003-06-10T04:00:00+00:00")]
    [InlineData("Sat, 7 Sep 2002 09:42:31 EST", "2002-09-07T09:42:31-05:00")]
    [InlineData("Sat, 07 Sep 02 09:42 PDT", "2002-09-07T09:42:00-07:00")]
    [InlineData("07 September 2002 09:42:31 -0330", "2002-09-07T09:42:31-03:30")]
    [InlineData("Mon, 01 Jan 2024 10:00:00 +05:30", "2024-01-01T10:00:00+05:30")]
    [InlineData("2024-01-02T03:04:05+02:00", "2024-01-02T03:04:05+02:00")]
    [InlineData("2024-01-02T03:04:05.123Z", "2024-01-02T03:04:05.123+00:00")]
    [InlineData("2024-01-02", "2024-01-02T00:00:00+00:00")]
    public void Dates_keep_their_offset(string text, string expected)
    {
        var parsed = FeedDate.Parse(text);

        var want = DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture);
        Assert.Equal(want, parsed);
        Assert.Equal(want.Offset, parsed!.Value.Offset);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yesterday-ish")]
    [InlineData("Tue, 31 Feb 2003 04:00:00 GMT")]
    [InlineData("Tue, 10 Foo 2003 04:00:00 GMT")]
    public void Absent_or_unreadable_dates_are_null(string? text)
    {
        Assert.Null(FeedDate.Parse(text));
    }
}
