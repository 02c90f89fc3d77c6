using System.Text;
using System.Text.RegularExpressions;

namespace Digest.Feeds.Parsing;

/// <summary>
/// Bytes to text for feeds and pages that often lie about their encoding: a BOM wins, then the HTTP charset,
/// then the document's own declaration; a UTF-8 claim is only believed when the bytes are valid UTF-8.
/// </summary>
internal static partial class TextDecoding
{
    private const int HeadLength = 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Encoding Windows1252 = LoadWindows1252();

    [GeneratedRegex(@"(?:<\?xml[^>]*?\bencoding|<meta[^>]*?\bcharset)\s*=\s*[""']?([A-Za-z0-9._:-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex DeclaredCharset();

    public static string Decode(ReadOnlySpan<byte> bytes, string? httpCharset)
    {
        if (DetectBom(bytes) is ({ } bomEncoding, var bomLength))
        {
            return bomEncoding.GetString(bytes[bomLength..]);
        }
        if (TryDecode(bytes, httpCharset, out var text) || TryDecode(bytes, Declared(bytes), out text))
        {
            return text;
        }
        return TryStrictUtf8(bytes, out text) ? text : Windows1252.GetString(bytes);
    }

    private static bool TryDecode(ReadOnlySpan<byte> bytes, string? label, out string text)
    {
        text = string.Empty;
        var encoding = Resolve(label);
        if (encoding is null)
        {
            return false;
        }
        if (encoding.CodePage == Encoding.UTF8.CodePage)
        {
            return TryStrictUtf8(bytes, out text);
        }
        // A UTF-16/32 claim without a BOM is usually a serializer's default over UTF-8 bytes: believe it only with zero bytes.
        if (encoding.CodePage is 1200 or 1201 or 12000 or 12001)
        {
            if (!bytes[..Math.Min(bytes.Length, 8)].Contains((byte)0))
            {
                return false;
            }
        }
        text = encoding.GetString(bytes);
        return true;
    }

    private static Encoding? Resolve(string? label)
    {
        var name = label?.Trim().Trim('"', '\'').ToLowerInvariant();
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }
        // As browsers do: these labels mean windows-1252, whose extra characters (curly quotes, dashes) feeds do use.
        if (name is "iso-8859-1" or "iso8859-1" or "latin1" or "l1" or "us-ascii" or "ascii" or "cp1252" or "windows-1252")
        {
            return Windows1252;
        }
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string? Declared(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, HeadLength)]);
        if (head.StartsWith("<\0?\0", StringComparison.Ordinal))
        {
            return "utf-16";
        }
        if (head.StartsWith("\0<\0?", StringComparison.Ordinal))
        {
            return "utf-16BE";
        }
        var match = DeclaredCharset().Match(head);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static (Encoding?, int) DetectBom(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0xEF, 0xBB, 0xBF, ..] => (Encoding.UTF8, 3),
        [0xFF, 0xFE, 0x00, 0x00, ..] => (Encoding.UTF32, 4),
        [0x00, 0x00, 0xFE, 0xFF, ..] => (new UTF32Encoding(bigEndian: true, byteOrderMark: false), 4),
        [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
        [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
        _ => (null, 0),
    };

    private static bool TryStrictUtf8(ReadOnlySpan<byte> bytes, out string text)
    {
        try
        {
            text = StrictUtf8.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = string.Empty;
            return false;
        }
    }

    private static Encoding LoadWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
