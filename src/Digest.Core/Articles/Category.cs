namespace Digest.Core.Articles;

public enum Category
{
    AiMl,
    Security,
    Engineering,
    Tools,
    Opinion,
    Other,
}

public static class Categories
{
    public static IReadOnlyList<Category> All { get; } = Enum.GetValues<Category>();

    /// <summary>The wire and storage name: ai-ml, security, engineering, tools, opinion, other.</summary>
    public static string Slug(this Category category) => category switch
    {
        Category.AiMl => "ai-ml",
        Category.Security => "security",
        Category.Engineering => "engineering",
        Category.Tools => "tools",
        Category.Opinion => "opinion",
        _ => "other",
    };

    public static string Label(this Category category) => category switch
    {
        Category.AiMl => "AI / ML",
        Category.Security => "Security",
        Category.Engineering => "Engineering",
        Category.Tools => "Tools / Open Source",
        Category.Opinion => "Opinion / Essays",
        _ => "Other",
    };

    public static string Emoji(this Category category) => category switch
    {
        Category.AiMl => "🤖",
        Category.Security => "🔒",
        Category.Engineering => "⚙️",
        Category.Tools => "🛠",
        Category.Opinion => "💡",
        _ => "📝",
    };

    public static string EmojiLabel(this Category category) => $"{category.Emoji()} {category.Label()}";

    public static bool TryParse(string? slug, out Category category)
    {
        foreach (var c in All)
        {
            if (string.Equals(c.Slug(), slug?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                category = c;
                return true;
            }
        }
        category = Category.Other;
        return false;
    }
}
