namespace Digest.Core.Collecting;

/// <summary>Which section of the weekly briefing a source feeds.</summary>
public enum WeeklySourceKind
{
    /// <summary>Papers and lab or release blogs: "From the Lab" and the stories around them.</summary>
    Research,

    /// <summary>Podcasts and shows whose items carry an audio or video enclosure: "Watch &amp; Listen".</summary>
    Audio,
}

/// <summary>One feed of the weekly list and the section it belongs to.</summary>
public sealed record WeeklySource(FeedSource Feed, WeeklySourceKind Kind);

/// <summary>The weekly briefing's own sources (research and audio), collected with the daily feeds but never in a daily.</summary>
public interface IWeeklyFeedList
{
    Task<IReadOnlyList<WeeklySource>> LoadAsync(CancellationToken ct);
}
