using System.Text.RegularExpressions;

namespace Digest.Storage.Articles;

/// <summary>
/// Turns what a user typed into an FTS5 match expression. Every word becomes a quoted string, so quotes,
/// asterisks, NEAR( or AND/OR in the input are searched for as words and can never change the query's meaning.
/// </summary>
internal static partial class FtsQuery
{
    private const int MaxTerms = 32;

    [GeneratedRegex(@"[\p{L}\p{N}\p{M}]+")]
    private static partial Regex Word();

    public static IReadOnlyList<string> Terms(string? text) =>
        text is null
            ? []
            : Word().Matches(text)
                .Select(m => m.Value.ToLowerInvariant())
                .Distinct(StringComparer.Ordinal)
                .Take(MaxTerms)
                .ToList();

    /// <param name="all">Every term must match (AND), else any term (OR).</param>
    public static string Match(IReadOnlyList<string> terms, bool all) =>
        string.Join(all ? " AND " : " OR ", terms.Select(Quote));

    private static string Quote(string term) => "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
