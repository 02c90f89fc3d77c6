using System.Text;

namespace Digest.TestKit.Telegram;

/// <summary>
/// The outcome of parsing like Telegram: <see cref="Error"/> is TDLib's detail (the part after
/// "Bad Request: can't parse entities: "); <see cref="PlainText"/> is what Telegram measures against its limits.
/// </summary>
public sealed record TelegramHtmlResult(bool Ok, string? Error, string PlainText)
{
    /// <summary>Length as Telegram checks it: Unicode code points of the parsed text.</summary>
    public int Length => PlainText.EnumerateRunes().Count();
}

/// <summary>
/// Telegram's HTML parse mode as TDLib's parse_html applies it: the same tags, entity decoding,
/// error wording and UTF-8 byte offsets, so fake servers and tests reject what Telegram rejects.
/// </summary>
public static class TelegramHtml
{
    private static readonly HashSet<string> KnownTags =
    [
        "a", "b", "strong", "i", "em", "s", "strike", "del", "u", "ins",
        "tg-spoiler", "tg-emoji", "tg-time", "span", "pre", "code", "blockquote",
    ];

    public static TelegramHtmlResult Parse(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        return new Parser(Encoding.UTF8.GetBytes(html)).Run();
    }

    private sealed class Parser(byte[] text)
    {
        private readonly List<byte> _result = new(text.Length);
        private readonly Stack<string> _open = new();

        // TDLib reads a NUL-terminated buffer; reading past the end as 0 keeps its loop conditions intact.
        private byte At(int i) => i < text.Length ? text[i] : (byte)0;

        public TelegramHtmlResult Run()
        {
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '&')
                {
                    var pos = i;
                    var ch = DecodeEntity(ref pos);
                    if (ch != 0)
                    {
                        if (ch is >= 0xD800 and <= 0xDFFF)
                        {
                            return Fail("Text contains invalid Unicode characters after decoding HTML entities");
                        }
                        _result.AddRange(Encoding.UTF8.GetBytes(char.ConvertFromUtf32(ch)));
                        i = pos - 1;
                        continue;
                    }
                }
                if (c != '<')
                {
                    _result.Add(c);
                    continue;
                }

                var error = At(i + 1) == '/' ? EndTag(ref i) : StartTag(ref i);
                if (error is not null)
                {
                    return Fail(error);
                }
            }

            if (_open.Count > 0)
            {
                return Fail($"Can't find end tag corresponding to start tag \"{_open.Peek()}\"");
            }
            return new TelegramHtmlResult(true, null, Encoding.UTF8.GetString([.. _result]));
        }

        private static TelegramHtmlResult Fail(string error) => new(false, error, string.Empty);

        private string? StartTag(ref int i)
        {
            var beginPos = i;
            var nameStart = i + 1;
            var end = nameStart;
            while (!IsSpace(At(end)) && At(end) != '>')
            {
                end++;
            }
            var tagName = Lower(nameStart, end);
            if (!KnownTags.Contains(tagName))
            {
                return $"Unsupported start tag \"{tagName}\" at byte offset {beginPos}";
            }

            string? argument = null;
            while (At(end) != '>')
            {
                while (At(end) != 0 && IsSpace(At(end)))
                {
                    end++;
                }
                if (At(end) == '>')
                {
                    break;
                }
                var attributeStart = end;
                while (!IsSpace(At(end)) && At(end) != '=' && At(end) != '>')
                {
                    end++;
                }
                var attributeName = Lower(attributeStart, end);
                if (attributeName.Length == 0)
                {
                    return $"Empty attribute name in the tag \"{tagName}\" at byte offset {beginPos}";
                }
                while (At(end) != 0 && IsSpace(At(end)))
                {
                    end++;
                }
                if (At(end) != '=')
                {
                    if (tagName == "blockquote" && attributeName == "expandable")
                    {
                        argument = "1";
                        continue;
                    }
                    return $"Expected equal sign in declaration of an attribute of the tag \"{tagName}\" at byte offset {beginPos}";
                }
                end++;
                while (At(end) != 0 && IsSpace(At(end)))
                {
                    end++;
                }
                if (At(end) == 0)
                {
                    return $"Unclosed start tag at byte offset {beginPos}";
                }

                var value = ReadAttributeValue(ref end, out var valueError);
                if (valueError is not null)
                {
                    return valueError;
                }
                if (At(end) == 0)
                {
                    return $"Unclosed start tag at byte offset {beginPos}";
                }
                argument = (tagName, attributeName) switch
                {
                    ("a", "href") => value,
                    ("span", "class") when value.StartsWith("tg-", StringComparison.Ordinal) => value[3..],
                    ("blockquote", "expandable") => "1",
                    _ => argument,
                };
            }

            if (tagName == "span" && argument != "spoiler")
            {
                return $"Tag \"span\" must have class \"tg-spoiler\" at byte offset {beginPos}";
            }
            _open.Push(tagName);
            i = end;
            return null;
        }

        private string ReadAttributeValue(ref int end, out string? error)
        {
            error = null;
            var quote = At(end);
            if (quote != '\'' && quote != '"')
            {
                // An unquoted value is an HTML name token: letters, digits, periods and hyphens.
                var tokenStart = end;
                while (IsAsciiAlnum(At(end)) || At(end) == '.' || At(end) == '-')
                {
                    end++;
                }
                if (!IsSpace(At(end)) && At(end) != '>')
                {
                    error = $"Unexpected end of name token at byte offset {end}";
                }
                return Lower(tokenStart, end);
            }

            end++;
            var value = new List<byte>();
            while (At(end) != quote && At(end) != 0)
            {
                if (At(end) == '&')
                {
                    var ch = DecodeEntity(ref end);
                    if (ch != 0)
                    {
                        value.AddRange(Encoding.UTF8.GetBytes(char.ConvertFromUtf32(ch is >= 0xD800 and <= 0xDFFF ? 0xFFFD : ch)));
                        continue;
                    }
                }
                value.Add(At(end));
                end++;
            }
            if (At(end) == quote)
            {
                end++;
            }
            return Encoding.UTF8.GetString([.. value]);
        }

        private string? EndTag(ref int i)
        {
            var beginPos = i;
            if (_open.Count == 0)
            {
                return $"Unexpected end tag at byte offset {beginPos}";
            }
            var nameStart = i + 2;
            var end = nameStart;
            while (!IsSpace(At(end)) && At(end) != '>')
            {
                end++;
            }
            var endTagName = Lower(nameStart, end);
            while (IsSpace(At(end)) && At(end) != 0)
            {
                end++;
            }
            if (At(end) != '>')
            {
                return $"Unclosed end tag at byte offset {beginPos}";
            }
            var tagName = _open.Pop();
            if (endTagName.Length > 0 && endTagName != tagName)
            {
                return $"Unmatched end tag at byte offset {beginPos}, expected \"</{tagName}>\", found \"</{endTagName}>\"";
            }
            i = end;
            return null;
        }

        /// <summary>
        /// Decodes &amp;lt; &amp;gt; &amp;amp; &amp;quot; and numeric references at <paramref name="pos"/>, the ';' optional
        /// as in TDLib. Returns 0 (and leaves pos) when there is no entity to decode.
        /// </summary>
        private int DecodeEntity(ref int pos)
        {
            var end = pos + 1;
            var value = 0;
            if (At(end) == '#')
            {
                end++;
                var hex = At(end) == 'x';
                end += hex ? 1 : 0;
                while (hex ? Uri.IsHexDigit((char)At(end)) : char.IsAsciiDigit((char)At(end)))
                {
                    value = (value * (hex ? 16 : 10)) + Uri.FromHex((char)At(end));
                    end++;
                    if (value >= 0x10FFFF)
                    {
                        return 0;
                    }
                }
                if (value == 0 || end - pos >= 10)
                {
                    return 0;
                }
            }
            else
            {
                while (char.IsAsciiLetter((char)At(end)))
                {
                    end++;
                }
                value = Encoding.ASCII.GetString(text, pos + 1, Math.Min(end, text.Length) - pos - 1) switch
                {
                    "lt" => '<',
                    "gt" => '>',
                    "amp" => '&',
                    "quot" => '"',
                    _ => 0,
                };
            }
            if (value != 0)
            {
                pos = At(end) == ';' ? end + 1 : end;
            }
            return value;
        }

        private string Lower(int start, int end) =>
            Encoding.UTF8.GetString(text, start, Math.Min(end, text.Length) - start).ToLowerInvariant();

        private static bool IsSpace(byte c) => c is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0 or (byte)'\v' or (byte)'\f';

        private static bool IsAsciiAlnum(byte c) => c < 128 && char.IsAsciiLetterOrDigit((char)c);
    }
}
