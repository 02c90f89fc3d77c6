using System.Globalization;
using System.Text.RegularExpressions;

namespace Digest.Llm.Writing;

/// <summary>
/// The language to write in. It goes into the system prompt, and a subscriber chooses it, so only a
/// language tag ("en", "de", "pt-BR") is let through, never free text.
/// </summary>
internal static partial class OutputLanguage
{
    /// <summary>"German (de)" for "de": models follow a language name more reliably than a bare code.</summary>
    public static string Describe(string language)
    {
        if (language is null || !Tag().IsMatch(language))
        {
            throw new ArgumentException($"'{language}' is not a language tag such as en, de or pt-BR.", nameof(language));
        }
        try
        {
            var culture = CultureInfo.GetCultureInfo(language);
            // ICU answers tags it does not know with a culture named after the tag itself, or "Unknown language".
            var name = culture.EnglishName;
            return name.Equals(language, StringComparison.OrdinalIgnoreCase) || name.StartsWith("Unknown", StringComparison.Ordinal)
                ? language
                : $"{culture.EnglishName} ({language})";
        }
        catch (CultureNotFoundException)
        {
            return language;
        }
    }

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();
}
