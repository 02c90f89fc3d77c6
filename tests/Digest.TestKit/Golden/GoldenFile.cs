using System.Runtime.CompilerServices;
using System.Text;

namespace Digest.TestKit.Golden;

/// <summary>
/// Compares text with a checked-in file, named relative to the calling test's source file. A missing file (or
/// DIGEST_UPDATE_GOLDEN=1) is written from the actual text and the test fails, so a new golden is always read before it
/// counts. A mismatch names the first line that differs, with both versions of it, rather than two screens of text.
/// </summary>
public static class GoldenFile
{
    public const string UpdateVariable = "DIGEST_UPDATE_GOLDEN";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void AssertMatches(string relativePath, string actual, [CallerFilePath] string caller = "")
    {
        ArgumentNullException.ThrowIfNull(actual);
        var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(caller)!, relativePath));
        if (!Directory.Exists(Path.GetDirectoryName(path)))
        {
            throw new GoldenFileException($"The golden file's folder is not where the test says it is: {path}");
        }
        if (!File.Exists(path) || Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(path, actual, Utf8);
            throw new GoldenFileException($"Wrote the golden file {path}; read it critically, then run the test again.");
        }
        var expected = File.ReadAllBytes(path);
        if (expected.AsSpan().SequenceEqual(Utf8.GetBytes(actual)))
        {
            return;
        }
        var text = Utf8.GetString(expected);
        // Equal as text but not as bytes would mean a BOM or an encoding slip.
        throw new GoldenFileException(text == actual ? $"{path} differs from the actual text in its bytes (a BOM or an encoding)." : Difference(path, text, actual));
    }

    private static string Difference(string path, string expected, string actual)
    {
        var want = expected.Split('\n');
        var got = actual.Split('\n');
        var line = 0;
        while (line < want.Length && line < got.Length && want[line] == got[line])
        {
            line++;
        }
        static string At(string[] lines, int i) => i < lines.Length ? lines[i] : "(end of text)";
        return $"""
            The text differs from {path} at line {line + 1} ({want.Length} lines expected, {got.Length} actual).
            expected: {At(want, line)}
            actual:   {At(got, line)}
            If the change is intended, run the tests with {UpdateVariable}=1 and review the file's diff.
            """;
    }
}

/// <summary>The actual text does not match its golden file (or the golden was just written).</summary>
public sealed class GoldenFileException(string message) : Exception(message);
