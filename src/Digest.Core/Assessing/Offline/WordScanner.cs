using System.Globalization;

namespace Digest.Core.Assessing.Offline;

/// <summary>
/// Finds the words of a text without allocating: a word starts with a letter or digit, may go on with letters,
/// digits and <c>+ # . - '</c> (and <c>’</c> when asked), and ends on a letter, digit, <c>+</c> or <c>#</c> — so
/// "C++", "C#", "node.js", "gpt-4o" and "don't" are one word each and a sentence's full stop is not part of its last.
/// Every article's text goes through this several times on a cold start, which is why it is a loop, not a regex.
/// </summary>
internal ref struct WordScanner(ReadOnlySpan<char> text, bool curlyApostrophe = false)
{
    private readonly ReadOnlySpan<char> _text = text;
    private int _position;

    /// <summary>Where the current word starts in the text.</summary>
    public int Start { get; private set; }

    public int Length { get; private set; }

    public readonly ReadOnlySpan<char> Current => _text.Slice(Start, Length);

    public readonly WordScanner GetEnumerator() => this;

    public bool MoveNext()
    {
        var text = _text;
        var i = _position;
        while (i < text.Length && !char.IsLetterOrDigit(text[i]))
        {
            i++;
        }
        if (i == text.Length)
        {
            _position = i;
            return false;
        }
        Start = i;
        var end = i + 1;
        for (var j = i + 1; j < text.Length && IsInner(text[j]); j++)
        {
            if (IsLast(text[j]))
            {
                end = j + 1;
            }
        }
        Length = end - Start;
        _position = end;
        return true;
    }

    /// <summary>A clock time at <paramref name="start"/> ("9:05", "09:12"): its length, or 0.</summary>
    public static int ClockTimeAt(ReadOnlySpan<char> text, int start)
    {
        var digits = 0;
        while (digits < 2 && start + digits < text.Length && char.IsAsciiDigit(text[start + digits]))
        {
            digits++;
        }
        var colon = start + digits;
        return digits > 0 && colon + 2 < text.Length && text[colon] == ':' && char.IsAsciiDigit(text[colon + 1]) && char.IsAsciiDigit(text[colon + 2])
            ? digits + 3
            : 0;
    }

    /// <summary>Continues the current word's scan from after a clock time that starts where it starts.</summary>
    public void SkipTo(int end)
    {
        Length = end - Start;
        _position = end;
    }

    private readonly bool IsInner(char c) =>
        char.IsLetterOrDigit(c) || c is '+' or '#' or '.' or '-' or '\'' || (curlyApostrophe && c == '’');

    private static bool IsLast(char c) => char.IsLetterOrDigit(c) || c is '+' or '#';

    /// <summary>The word in lower case (invariant), written into <paramref name="buffer"/> when it fits; else a new string's span.</summary>
    public static ReadOnlySpan<char> Lower(ReadOnlySpan<char> word, Span<char> buffer) =>
        word.Length <= buffer.Length
            ? buffer[..word.ToLowerInvariant(buffer)]
            : word.ToString().ToLower(CultureInfo.InvariantCulture);
}
