using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Digest.TestKit.OpenAi;

/// <summary>The scores the fake gives an article: a pure function of its id and title, so tests can assert them.</summary>
public sealed record FakeScore(long Id, int Relevance, int Quality, int Timeliness, string Category, IReadOnlyList<string> Keywords);

/// <summary>The answers the fake writes, as the content string of the assistant message.</summary>
public static class FakeAnswers
{
    public const string Junk = "Sure! Here are my thoughts on these articles: they all look interesting.";

    private static readonly string[] Slugs = ["ai-ml", "security", "engineering", "tools", "opinion", "other"];

    public static FakeScore Score(long id, string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var n = (int)(Math.Abs(id) % 10);
        var word = new string(title.TakeWhile(c => !char.IsWhiteSpace(c)).Where(char.IsLetterOrDigit).Take(20).ToArray()).ToLowerInvariant();
        return new FakeScore(id, 1 + n, 1 + title.Length % 10, 10 - n, Slugs[Math.Abs(id) % Slugs.Length],
            [$"topic {id}", word.Length > 0 ? word : "news"]);
    }

    /// <summary>Whether <see cref="FakeOpenAiBehaviour.OneKeyword"/> gives this article only the first of its keywords.</summary>
    public static bool GetsOneKeyword(long id) => id % 2 != 0;

    /// <summary>
    /// Scores for the articles of the data block; partially: the first left out, the second out of range; oneKeyword:
    /// articles with an odd id get only their first keyword.
    /// </summary>
    public static string Scores(IReadOnlyList<(long Id, string Title)> articles, bool partially, bool oneKeyword = false) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("items");
        for (var i = 0; i < articles.Count; i++)
        {
            if (partially && i == 0)
            {
                continue;
            }
            var s = Score(articles[i].Id, articles[i].Title);
            w.WriteStartObject();
            w.WriteNumber("id", s.Id);
            w.WriteNumber("relevance", partially && i == 1 ? 11 : s.Relevance);
            w.WriteNumber("quality", s.Quality);
            w.WriteNumber("timeliness", s.Timeliness);
            w.WriteString("category", s.Category);
            w.WriteStartArray("keywords");
            foreach (var k in oneKeyword && GetsOneKeyword(s.Id) ? s.Keywords.Take(1) : s.Keywords)
            {
                w.WriteStringValue(k);
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    public static string WriteupSummary(string title) =>
        $"The piece “{Short(title)}” sets out its main question. It walks through the evidence step by step. " +
        "It compares the options that teams have today. It ends with a clear recommendation.";

    public static string Writeup(string title, bool partially) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("summary", partially ? "Too short." : WriteupSummary(title));
        w.WriteString("why_read", $"Read it to understand {Short(title)}.");
        w.WriteStartArray("tags");
        w.WriteStringValue("fake");
        w.WriteStringValue("testing");
        w.WriteEndArray();
        w.WriteEndObject();
    });

    public static string HighlightsParagraph(int articles) =>
        $"Today brings {articles} stories worth your time. The main themes are tooling and security. " +
        "Two pieces stand out for their depth and should be read first.";

    public static string Highlights(int articles, bool partially) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("highlights", partially ? "Short." : HighlightsParagraph(articles));
        w.WriteEndObject();
    });

    /// <summary>The source number a <see cref="FakeOpenAiBehaviour.BadCitation"/> answer cites besides the real one.</summary>
    public const int UnknownSource = 9;

    /// <summary>The sentence the fake answers with, citing the first article of the data block.</summary>
    public static string AnswerSentence(int number, string title) => $"The article “{Short(title)}” answers it [{number}].";

    /// <summary>An answer to the first article of the data block; badCitation adds a sentence citing <see cref="UnknownSource"/>.</summary>
    public static string Answer(int number, string title, bool badCitation, bool notFound) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("answer", notFound ? "" : AnswerSentence(number, title) + (badCitation ? $" It also cites a source it never saw [{UnknownSource}]." : ""));
        w.WriteStartArray("cited");
        if (!notFound)
        {
            w.WriteNumberValue(number);
        }
        if (badCitation && !notFound)
        {
            w.WriteNumberValue(UnknownSource);
        }
        w.WriteEndArray();
        w.WriteBoolean("found", !notFound);
        w.WriteEndObject();
    });

    /// <summary>The JSON between &lt;data&gt; and &lt;/data&gt; in a user message, or null when there is no such block.</summary>
    public static string? DataBlock(string userMessage)
    {
        ArgumentNullException.ThrowIfNull(userMessage);
        var start = userMessage.IndexOf("<data>", StringComparison.Ordinal);
        var end = userMessage.LastIndexOf("</data>", StringComparison.Ordinal);
        return start >= 0 && end > start ? userMessage[(start + "<data>".Length)..end] : null;
    }

    private static string Short(string title) => title.Length <= 60 ? title : title[..60];

    internal static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
