using System.Text.Json.Nodes;
using Digest.Core.Conversation;
using Digest.Discord.Rendering;

namespace Digest.Discord.Receiving;

/// <summary>
/// A reply's button rows → Discord's components: action rows of buttons whose custom_id is the button's data.
/// Discord allows 5 rows of 5; rows that do not fit as they are (the categories list, one per row) are packed 5 to a row.
/// </summary>
internal static class DiscordComponents
{
    public const int MaxCustomIdLength = 100;
    public const int MaxLabelLength = 80;
    private const int MaxRows = 5;
    private const int MaxPerRow = 5;
    private const int ActionRow = 1;
    private const int Button = 2;
    private const int SecondaryStyle = 2;

    public static JsonArray? From(IReadOnlyList<IReadOnlyList<ChatButton>>? rows)
    {
        if (rows is null || rows.Count == 0 || rows.All(r => r.Count == 0))
        {
            return null;
        }
        foreach (var button in rows.SelectMany(row => row))
        {
            if (button.Data.Length is 0 or > MaxCustomIdLength)
            {
                throw new ArgumentException(
                    $"Button \"{button.Label}\" has {button.Data.Length} characters of data; Discord allows 1 to {MaxCustomIdLength}.", nameof(rows));
            }
        }
        var fitted = rows.Count <= MaxRows && rows.All(r => r.Count <= MaxPerRow)
            ? rows.Where(r => r.Count > 0).ToList()
            : rows.SelectMany(r => r).Chunk(MaxPerRow).Select(c => (IReadOnlyList<ChatButton>)c).ToList();
        if (fitted.Count > MaxRows)
        {
            throw new ArgumentException($"{fitted.Sum(r => r.Count)} buttons do not fit one Discord message ({MaxRows * MaxPerRow} at most).", nameof(rows));
        }
        return [.. fitted.Select(Row)];
    }

    private static JsonObject Row(IReadOnlyList<ChatButton> buttons) => new()
    {
        ["type"] = ActionRow,
        ["components"] = new JsonArray([.. buttons.Select(b => (JsonNode)new JsonObject
        {
            ["type"] = Button,
            ["style"] = SecondaryStyle,
            ["label"] = b.Label.Length <= MaxLabelLength ? b.Label : DiscordMarkdownText.Shorten(b.Label, MaxLabelLength),
            ["custom_id"] = b.Data,
        })]),
    };
}
