using System.Runtime.CompilerServices;
using System.Text;

namespace Digest.Integration.Tests.Pipeline.Support;

/// <summary>
/// Compares text with a file in Pipeline/Golden, found next to this source file. A missing file (or
/// DIGEST_UPDATE_GOLDEN=1) writes it from the actual text and fails, so a new golden is always read before it counts.
/// </summary>
public static class GoldenFile
{
    public const string UpdateVariable = "DIGEST_UPDATE_GOLDEN";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void AssertMatches(string name, string actual)
    {
        var folder = Path.Combine(Path.GetDirectoryName(ThisFile())!, "..", "Golden");
        Assert.True(Directory.Exists(folder), $"The golden folder is not where the source says it is: {Path.GetFullPath(folder)}");
        var path = Path.GetFullPath(Path.Combine(folder, name));
        if (!File.Exists(path) || Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(path, actual, Utf8);
            Assert.Fail($"Wrote the golden file {path}; read it critically, then run the test again.");
        }

        var expected = File.ReadAllBytes(path);
        if (!expected.AsSpan().SequenceEqual(Utf8.GetBytes(actual)))
        {
            // Equal as strings shows where the texts part; byte-unequal but string-equal would mean a BOM or encoding slip.
            Assert.Equal(Utf8.GetString(expected), actual);
            Assert.Fail($"{path} differs from the actual text in its bytes (a BOM or an encoding difference).");
        }
    }

    /// <summary>This source file's path as compiled: Pipeline/Support/GoldenFile.cs.</summary>
    private static string ThisFile([CallerFilePath] string path = "") => path;
}
