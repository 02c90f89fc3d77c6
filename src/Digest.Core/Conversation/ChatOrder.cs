namespace Digest.Core.Conversation;

/// <summary>
/// Handles a batch of incoming updates in order within each chat and with chats side by side: one chat waiting on the
/// LLM or a slow page no longer holds every other chat's replies back, and a chat's own messages are still handled in
/// the order it sent them. Every receiving loop (Telegram polling and webhook, the Discord gateway) shares it.
/// </summary>
public static class ChatOrder
{
    /// <summary>Chats handled at once: enough to keep the CPU busy while others wait on the network, few enough for one SQLite writer.</summary>
    public const int Parallel = 16;

    /// <summary>
    /// Runs <paramref name="handle"/> for every item: items with the same key one after another in their order, keys in
    /// parallel (at most <see cref="Parallel"/>). Items without a key each run on their own. Returns when all are done.
    /// </summary>
    public static Task RunAsync<T>(IReadOnlyList<T> items, Func<T, string?> keyOf, Func<T, CancellationToken, Task> handle, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(keyOf);
        ArgumentNullException.ThrowIfNull(handle);
        if (items.Count == 1)
        {
            return handle(items[0], ct);
        }
        var lanes = items
            .Select((item, index) => (Item: item, Key: keyOf(item) ?? $"\0{index}"))
            .GroupBy(i => i.Key, StringComparer.Ordinal)
            .Select(g => g.Select(i => i.Item).ToList())
            .ToList();
        return System.Threading.Tasks.Parallel.ForEachAsync(
            lanes,
            new ParallelOptions { MaxDegreeOfParallelism = Parallel, CancellationToken = ct },
            async (lane, token) =>
            {
                foreach (var item in lane)
                {
                    await handle(item, token);
                }
            });
    }
}
