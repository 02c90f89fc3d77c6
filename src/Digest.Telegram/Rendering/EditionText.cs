using System.Globalization;
using Digest.Core.Editions;

namespace Digest.Telegram.Rendering;

/// <summary>Small formatting shared by the edition's blocks: titles, dates, counts (ages, windows and medals are the core's).</summary>
internal static class EditionText
{
    public static string Title(Edition edition) => edition.Kind == EditionKind.Weekly
        ? $"AI Weekly Briefing — {Date(edition.Date)}"
        : $"AI Daily Digest — {Date(edition.Date)}";

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Stamp(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
