using System.Globalization;
using System.Numerics;

namespace Digest.Discord.Receiving;

/// <summary>Reads the member's permission bitfield an interaction carries for its channel.</summary>
internal static class DiscordPermissions
{
    public static readonly BigInteger Administrator = BigInteger.One << 3;
    public static readonly BigInteger ManageChannels = BigInteger.One << 4;
    public static readonly BigInteger ManageGuild = BigInteger.One << 5;

    /// <summary>
    /// Those who may run the channel (administrators, channel and server managers) may run its digest. Discord's
    /// bitfield is a decimal string because it outgrows 53 bits; anything unreadable grants nothing.
    /// </summary>
    public static bool AdministersChannel(string? bitfield)
    {
        if (!BigInteger.TryParse(bitfield, NumberStyles.None, CultureInfo.InvariantCulture, out var bits))
        {
            return false;
        }
        return !(bits & (Administrator | ManageChannels | ManageGuild)).IsZero;
    }
}
