namespace Digest.Discord.Gateway;

/// <summary>What a close code asks of the client: give up, start a new session, or resume.</summary>
internal static class GatewayCloseCodes
{
    /// <summary>Sent by us when we drop a connection we mean to resume: 1000 and 1001 would end the session.</summary>
    public const int ResumeLater = 4000;

    /// <summary>
    /// Why reconnecting cannot help, in words an operator can act on; null when it can. Retrying these would only
    /// burn Identify calls (1000 a day, after which Discord resets the token).
    /// </summary>
    public static string? FatalCause(int code) => code switch
    {
        4004 => "authentication failed — check Discord:BotToken (the bare token from the Developer Portal)",
        4010 => "invalid shard",
        4011 => "sharding required — the bot is in too many guilds for one connection",
        4012 => "invalid API version",
        4013 => "invalid intents",
        4014 => "disallowed intents — enable the Message Content intent in the developer portal or turn "
            + GatewayOptions.SectionName + ":MessageContent off",
        _ => null,
    };

    /// <summary>4007 invalid seq and 4009 session timed out: the old session cannot be resumed.</summary>
    public static bool NeedsNewSession(int code) => code is 4007 or 4009;
}
