using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Digest.Feeds.Pages;

/// <summary>
/// Connects only to public addresses: a link in a feed or a chat must not reach localhost, the LAN or cloud metadata.
/// Used as the handler's connect callback, so every connection is checked, including those a redirect opens, against
/// the very addresses the socket then connects to (no second DNS answer can slip in between).
/// </summary>
internal static class PublicAddresses
{
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        var allowed = addresses.Where(IsPublic).ToArray();
        if (allowed.Length == 0)
        {
            throw new NonPublicAddressException(host);
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>True for a globally routable unicast address; false for every special-purpose range and every tunnel form that hides one.</summary>
    internal static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IsPublicV4(BinaryPrimitives.ReadUInt32BigEndian(address.GetAddressBytes())),
            AddressFamily.InterNetworkV6 => IsPublicV6(address.GetAddressBytes()),
            _ => false,
        };
    }

    private static bool IsPublicV4(uint a) =>
        !(InV4(a, 0x00000000, 8)            // 0.0.0.0/8 "this network", unspecified
          || InV4(a, 0x0A000000, 8)         // 10/8 private
          || InV4(a, 0x64400000, 10)        // 100.64/10 carrier-grade NAT
          || InV4(a, 0x7F000000, 8)         // 127/8 loopback
          || InV4(a, 0xA9FE0000, 16)        // 169.254/16 link-local, cloud metadata
          || InV4(a, 0xAC100000, 12)        // 172.16/12 private
          || InV4(a, 0xC0000000, 24)        // 192.0.0/24 IETF protocol assignments
          || InV4(a, 0xC0000200, 24)        // 192.0.2/24 documentation
          || InV4(a, 0xC0586300, 24)        // 192.88.99/24 6to4 relay anycast
          || InV4(a, 0xC0A80000, 16)        // 192.168/16 private
          || InV4(a, 0xC6120000, 15)        // 198.18/15 benchmarking
          || InV4(a, 0xC6336400, 24)        // 198.51.100/24 documentation
          || InV4(a, 0xCB007100, 24)        // 203.0.113/24 documentation
          || InV4(a, 0xE0000000, 4)         // 224/4 multicast
          || InV4(a, 0xF0000000, 4));       // 240/4 reserved, 255.255.255.255 broadcast

    private static bool IsPublicV6(byte[] b)
    {
        var high = BinaryPrimitives.ReadUInt64BigEndian(b);
        var low = BinaryPrimitives.ReadUInt64BigEndian(b.AsSpan(8));
        if (high == 0 && low >> 32 == 0xFFFF)
        {
            // ::ffff:a.b.c.d is an IPv4 connection in IPv6 dress: judge the IPv4 address.
            return IsPublicV4((uint)low);
        }
        if (high == 0x0064_FF9B_0000_0000 && low >> 32 == 0)
        {
            // NAT64 well-known prefix: a DNS64 resolver answers this for every public IPv4 host on an IPv6-only
            // network, so refusing the prefix outright would cut such a host off the web. The gateway connects to
            // the last 32 bits; judge those.
            return IsPublicV4((uint)low);
        }
        if (high >> 48 == 0x2002)
        {
            // 6to4: the tunnel endpoint is the IPv4 address in bits 16–47.
            return IsPublicV4((uint)(high >> 16));
        }
        if (high >> 32 == 0x2001_0000)
        {
            // Teredo: the server's IPv4 in bits 32–63, the client's in the last 32 bits, inverted.
            return IsPublicV4((uint)high) && IsPublicV4(~(uint)low);
        }
        // Only 2000::/3 is global unicast. Outside it: ::/128, ::1, IPv4-compatible ::a.b.c.d, IPv4-translated
        // ::ffff:0:a.b.c.d, NAT64 local-use 64:ff9b:1::/48 (its embedding depends on a local prefix length), the
        // rest of 64:ff9b::/96, discard 100::/64, unique-local fc00::/7, link-local fe80::/10, site-local fec0::/10
        // and multicast ff00::/8.
        if (high >> 61 != 0b001)
        {
            return false;
        }
        return !(InV6(high, 0x2001_0002_0000_0000, 48)  // 2001:2::/48 benchmarking
                 || InV6(high, 0x2001_0DB8_0000_0000, 32)  // 2001:db8::/32 documentation
                 || InV6(high, 0x3FFF_0000_0000_0000, 20)); // 3fff::/20 documentation
    }

    private static bool InV4(uint address, uint network, int prefix) => address >> (32 - prefix) == network >> (32 - prefix);

    private static bool InV6(ulong high, ulong network, int prefix) => high >> (64 - prefix) == network >> (64 - prefix);
}

/// <summary>
/// Thrown from the connect callback when a host has no public address; its own type so callers can tell a refusal
/// from a network failure without reading messages.
/// </summary>
internal sealed class NonPublicAddressException(string host)
    : IOException($"Refused: {host} is not a public address")
{
    public string Host { get; } = host;
}
