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
    public void Dates_keep_their_offset(string text, string expected) => AssertReads(text, expected);

    [Theory]
    [InlineData("Mon, 02 Jan 2006 15:04:05 EDT", "2006-01-02T15:04:05-04:00")]
    [InlineData("Mon, 02 Jan 2006 15:04:05 CST", "2006-01-02T15:04:05-06:00")]
    [InlineData("Mon, 02 Jan 2006 15:04:05 CDT", "2006-01-02T15:04:05-05:00")]
    [InlineData("Mon, 02 Jan 2006 15:04:05 MST", "2006-01-02T15:04:05-07:00")]
    [InlineData("Mon, 02 Jan 2006 15:04:05 MDT", "2006-01-02T15:04:05-06:00")]
    [InlineData("Mon, 02 Jan 2006 15:04:05 PST", "2006-01-02T15:04:05-08:00")]
    [InlineData("Mon, 02 Jan 2006 15:04:05 UT", "2006-01-02T15:04:05+00:00")]
    [InlineData("Mon, 02 Jan 2006 15:04:05 UTC", "2006-01-02T15:04:05+00:00")]
    [InlineData("Mon, 02 Jan 2006 15:04:05 Z", "2006-01-02T15:04:05+00:00")]
    [InlineData("Mon, 02 Jan 2006 15:04:05 CET", "2006-01-02T15:04:05+01:00")]
    [InlineData("Sun, 02 Jul 2006 15:04:05 CEST", "2006-07-02T15:04:05+02:00")]
    [InlineData("Sun, 02 Jul 2006 15:04:05 BST", "2006-07-02T15:04:05+01:00")]
    [InlineData("Mon, 02 Jan 2006 15:04:05 EET", "2006-01-02T15:04:05+02:00")]
    [InlineData("Sun, 02 Jul 2006 15:04:05 EEST", "2006-07-02T15:04:05+03:00")]
    [InlineData("Mon, 02 Jan 2006 15:04:05 IST", "2006-01-02T15:04:05+05:30")]
    [InlineData("Mon, 02 Jan 2006 15:04:05 JST", "2006-01-02T15:04:05+09:00")]
    [InlineData("Sun, 02 Jul 2006 15:04:05 AEST", "2006-07-02T15:04:05+10:00")]
    [InlineData("Mon, 02 Jan 2006 15:04:05 AEDT", "2006-01-02T15:04:05+11:00")]
    [InlineData("Mon, 02 Jan 2006 15:04:05 pst", "2006-01-02T15:04:05-08:00")]
    [InlineData("Mon, 02 Jan 2006 15:04:05 A", "2006-01-02T15:04:05+00:00")]
    [InlineData("Mon, 02 Jan 2006 15:04:05 Y", "2006-01-02T15:04:05+00:00")]
    [InlineData("Mon, 02 Jan 2006 15:04:05 XYZT", "2006-01-02T15:04:05+00:00")]
    [InlineData("Mon, 02 Jan 2006 15:04:05 GMT+0200", "2006-01-02T15:04:05+02:00")]
    [InlineData("Mon, 02 Jan 2006 15:04:05 -0700 (PDT)", "2006-01-02T15:04:05-07:00")]
    [InlineData("Mon, 02 Jan 2006 15:04:05 +02", "2006-01-02T15:04:05+02:00")]
    public void Rfc822_zone_names_and_offsets_are_read(string text, string expected) => AssertReads(text, expected);

    [Theory]
    [InlineData("02 Jan 2006 15:04:05 +0000", "2006-01-02T15:04:05+00:00")]
    [InlineData("2 Jan 2006 15:04:05 +0000", "2006-01-02T15:04:05+00:00")]
    [InlineData("Mon, 2 Jan 06 15:04 +0000", "2006-01-02T15:04:00+00:00")]
    [InlineData("Thu, 02 Jan 99 15:04:05 GMT", "1999-01-02T15:04:05+00:00")]
    [InlineData("Mon,02 Jan 2006 15:04:05 GMT", "2006-01-02T15:04:05+00:00")]
    [InlineData("Mon, 02-Jan-2006 15:04:05 GMT", "2006-01-02T15:04:05+00:00")]
    [InlineData("Monday, 02-Jan-06 15:04:05 GMT", "2006-01-02T15:04:05+00:00")]
    [InlineData("Mon., 02 Jan. 2006 15:04:05 GMT", "2006-01-02T15:04:05+00:00")]
    [InlineData("Mon, 02 Jan 2006, 15:04:05 GMT", "2006-01-02T15:04:05+00:00")]
    [InlineData("Mon, 02 Jan 2006 3:04 PM EST", "2006-01-02T15:04:00-05:00")]
    [InlineData("Mon, 02 Jan 2006 12:04 AM", "2006-01-02T00:04:00+00:00")]
    [InlineData("Mon, 02 Jan 2006 15:04:05", "2006-01-02T15:04:05+00:00")]
    [InlineData("Mon, 02 Jan 2006 15:04:05.123 +0100", "2006-01-02T15:04:05.123+01:00")]
    [InlineData("  Mon, 02  Jan  2006  15:04:05  GMT  ", "2006-01-02T15:04:05+00:00")]
    [InlineData("Sat, 31 Dec 2016 23:59:60 GMT", "2016-12-31T23:59:59+00:00")]
    [InlineData("Mon, 02 Jan 2006", "2006-01-02T00:00:00+00:00")]
    [InlineData("2 January 2006", "2006-01-02T00:00:00+00:00")]
    [InlineData("Monday, 2nd January 2006 at 3:04 pm", "2006-01-02T15:04:00+00:00")]
    [InlineData("Di, 03 Okt 2006 15:04:05 +0200", "2006-10-03T15:04:05+02:00")]
    [InlineData("mar., 05 déc. 2006 15:04:05 +0100", "2006-12-05T15:04:05+01:00")]
    public void Rfc822_variants_generators_write_are_read(string text, string expected) => AssertReads(text, expected);

    [Theory]
    [InlineData("Mon Jan 02 2006 15:04:05 GMT-0700 (Pacific Daylight Time)", "2006-01-02T15:04:05-07:00")]
    [InlineData("Mon Jan  2 15:04:05 MST 2006", "2006-01-02T15:04:05-07:00")]
    [InlineData("Mon Jan 02 15:04:05 -0700 2006", "2006-01-02T15:04:05-07:00")]
    [InlineData("January 2, 2006 3:04 PM", "2006-01-02T15:04:00+00:00")]
    [InlineData("Jan 2, 2006", "2006-01-02T00:00:00+00:00")]
    public void Month_first_forms_are_read(string text, string expected) => AssertReads(text, expected);

    [Theory]
    [InlineData("2006-01-02T15:04:05Z", "2006-01-02T15:04:05+00:00")]
    [InlineData("2006-01-02t15:04:05z", "2006-01-02T15:04:05+00:00")]
    [InlineData("2006-01-02T15:04:05-07:00", "2006-01-02T15:04:05-07:00")]
    [InlineData("2006-01-02T15:04:05+0530", "2006-01-02T15:04:05+05:30")]
    [InlineData("2006-01-02T15:04:05.999999999+01:00", "2006-01-02T15:04:05.9999999+01:00")]
    [InlineData("2006-01-02T15:04:05,5Z", "2006-01-02T15:04:05.5+00:00")]
    [InlineData("2006-01-02T15:04Z", "2006-01-02T15:04:00+00:00")]
    [InlineData("2006-01-02 15:04:05 +02:00", "2006-01-02T15:04:05+02:00")]
    [InlineData("2006-01-02 15:04:05.999 -0700 MST", "2006-01-02T15:04:05.999-07:00")]
    [InlineData("2006-01-02T15:04:05", "2006-01-02T15:04:05+00:00")]
    [InlineData("2006-01-02 15:04:05", "2006-01-02T15:04:05+00:00")]
    [InlineData("2006-01-02T15:04:05.123", "2006-01-02T15:04:05.123+00:00")]
    [InlineData("20060102T150405Z", "2006-01-02T15:04:05+00:00")]
    [InlineData("2006/01/02 15:04", "2006-01-02T15:04:00+00:00")]
    [InlineData("2006-1-2", "2006-01-02T00:00:00+00:00")]
    [InlineData("2006-01-02 EST", "2006-01-02T00:00:00-05:00")]
    public void Iso_8601_forms_are_read_and_no_zone_means_utc(string text, string expected) => AssertReads(text, expected);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("yesterday-ish")]
    [InlineData("Tue, 31 Feb 2003 04:00:00 GMT")]
    [InlineData("Tue, 10 Foo 2003 04:00:00 GMT")]
    [InlineData("2006-13-02T15:04:05Z")]
    [InlineData("2006-01-02T25:04:05Z")]
    [InlineData("2006-01-02T15:04:05+19:00")]
    [InlineData("Mon, 02 Jan 2006 15:04:05 +2500")]
    [InlineData("0001-01-01T00:00:00+05:00")]
    [InlineData("{{ page.date }}")]
    [InlineData("%a, %d %b %Y %H:%M:%S %z")]
    [InlineData("NaN")]
    public void Absent_or_unreadable_dates_are_null(string? text)
    {
        Assert.Null(FeedDate.Parse(text));
    }

    [Fact]
    public void A_hostile_value_is_null_without_a_long_search()
    {
        var hostile = "Mon, " + string.Concat(Enumerable.Repeat("02 Jan ", 50_000)) + "x";
        var clock = System.Diagnostics.Stopwatch.StartNew();

        Assert.Null(FeedDate.Parse(hostile));
        Assert.Null(FeedDate.Parse(new string('1', 90) + ":"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
    }

    private static void AssertReads(string text, string expected)
    {
        var parsed = FeedDate.Parse(text);

        var want = DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture);
        Assert.Equal(want, parsed);
        Assert.Equal(want.Offset, parsed!.Value.Offset);
    }
}
