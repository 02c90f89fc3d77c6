using Digest.Core.Rendering;

namespace Digest.Core.Tests.Rendering;

public class KeywordBarsTests
{
    [Fact]
    public void Bars_have_twenty_cells_scaled_to_the_top_keyword_like_the_sample()
    {
        var lines = KeywordBars.Lines([new("ai", 3), new("ethics", 2), new("nvidia", 1)]);

        Assert.Equal("ai     │ ████████████████████ 3", lines[0]);
        Assert.Equal("ethics │ █████████████░░░░░░░ 2", lines[1]);
        Assert.Equal("nvidia │ ███████░░░░░░░░░░░░░ 1", lines[2]);
    }

    [Fact]
    public void Relative_age_is_against_the_edition_time()
    {
        var now = new DateTimeOffset(2026, 4, 16, 14, 0, 0, TimeSpan.Zero);
        Assert.Equal("22h ago", RelativeAge.Format(now.AddHours(-22), now));
        Assert.Equal("45m ago", RelativeAge.Format(now.AddMinutes(-45), now));
        Assert.Equal("3d ago", RelativeAge.Format(now.AddDays(-3), now));
    }
}
