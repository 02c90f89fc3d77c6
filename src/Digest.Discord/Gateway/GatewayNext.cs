namespace Digest.Discord.Gateway;

/// <summary>What the client does after a connection ends.</summary>
internal enum GatewayNext
{
    /// <summary>Resume the session on its resume URL (or identify, when there is none yet).</summary>
    Resume,

    /// <summary>Start a new session on the configured URL.</summary>
    Identify,

    /// <summary>Start a new session after op 9 (not resumable), once a random 1–5 s have passed.</summary>
    IdentifyLater,
}
