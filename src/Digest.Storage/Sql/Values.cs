using System.Text.Json;

namespace Digest.Storage.Sql;

/// <summary>How values are written to columns: instants as UTC unix milliseconds, id sets as JSON arrays.</summary>
internal static class Values
{
    public static long ToUnixMs(this DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static long? ToUnixMs(this DateTimeOffset? value) => value?.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromUnixMs(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);

    /// <summary>The instant as a read will return it: UTC, whole milliseconds.</summary>
    public static DateTimeOffset Stored(DateTimeOffset value) => FromUnixMs(value.ToUnixMs());

    public static DateTimeOffset? FromUnixMs(long? value) => value is { } v ? DateTimeOffset.FromUnixTimeMilliseconds(v) : null;

    /// <summary>
    /// An id set as one JSON parameter, read with json_each: no limit on the number of ids, unlike one parameter each.
    /// (PostgreSQL would take an array parameter with = ANY.)
    /// </summary>
    public static string IdList(IEnumerable<long> ids) => JsonSerializer.Serialize(ids.Distinct());

    public static string StringList(IEnumerable<string> values) => JsonSerializer.Serialize(values);

    public static IReadOnlyList<string> ParseStringList(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<string>>(json) ?? [];
}
