using System.Globalization;

namespace Digest.Core.Rendering;

/// <summary>"3h ago", measured against the edition's own time so a rendering never changes.</summary>
public static class RelativeAge
{
    public static string Format(DateTimeOffset then, DateTimeOffset now)
    {
        var age = now - then;
        if (age < TimeSpan.FromMinutes(1))
        {
            return "just now";
        }
        if (age < TimeSpan.FromHours(1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalMinutes}m ago");
        }
        if (age < TimeSpan.FromDays(2))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalHours}h ago");
        }
        return string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalDays}d ago");
    }
}
