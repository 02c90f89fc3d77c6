using System.Runtime.CompilerServices;
using System.Text;

namespace Digest.Core.Tests.Rendering.Weekly;

/// <summary>
/// Compares text with a checked-in file next to this source file. A missing file (or DIGEST_UPDATE_GOLDEN=1) is written
/// from the actual text and the test fails, so a new golden is always read before it counts. A mismatch names the first
/// line that differs, with both versions of it, rather than two screens of text.
/// </summary>
internal static class GoldenText
{
    public const string UpdateVariable = "DIGEST_UPDATE_GOLDEN";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void AssertMatches(string name, string actual)
    {
        var path = Path.Combine(Path.GetDirectoryName(ThisFile())!, name);
        if (!File.Exists(path) || Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(path, actual, Utf8);
            Assert.Fail($"Wrote the golden file {path}; read it critically, then run the test again.");
        }
        var expected = File.ReadAllText(path, Utf8);
        if (expected != actual)
        {
            Assert.Fail(Difference(path, expected, actual));
        }
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
            The rendering differs from {path} at line {line + 1} ({want.Length} lines expected, {got.Length} rendered).
            expected: {At(want, line)}
            actual:   {At(got, line)}
            If the change is intended, run the tests with {UpdateVariable}=1 and review the file's diff.
            """;
    }

    /// <summary>This source file's path as compiled.</summary>
    private static string ThisFile([CallerFilePath] string path = "") => path;
}
