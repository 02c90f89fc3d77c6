namespace Digest.Discord.Receiving;

/// <summary>
/// What receiving needs beyond <see cref="DiscordOptions"/> (whose ApplicationId and GuildId it uses), read from the
/// same section "Discord": the keys are Discord:OperatorIds and Discord:CommandRetryDelay.
/// </summary>
public sealed class DiscordReceivingOptions
{
    public const string SectionName = DiscordOptions.SectionName;

    /// <summary>User ids of the people who run the bot: only they may use operator commands such as /feeds.</summary>
    public IList<string> OperatorIds { get; } = [];

    /// <summary>The first wait after a failed command registration; it doubles up to an hour.</summary>
    public TimeSpan CommandRetryDelay { get; set; } = TimeSpan.FromMinutes(1);
}
