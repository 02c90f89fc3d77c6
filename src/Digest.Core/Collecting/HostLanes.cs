using System.Collections.Concurrent;

namespace Digest.Core.Collecting;

/// <summary>
/// Runs work for many URLs with at most <c>perHost</c> at a time per host and <c>total</c> at a time overall. Each
/// host gets its own lanes, so a host with many feeds never holds back the others (no head-of-line blocking), and
/// the global bound is a semaphore every lane waits on.
/// </summary>
internal static class HostLanes
{
    public static async Task RunAsync<T>(
        IEnumerable<T> items,
        Func<T, string> urlOf,
        int perHost,
        int total,
        Func<T, CancellationToken, Task> work,
        CancellationToken ct)
    {
        using var slots = new SemaphoreSlim(total, total);
        var lanes = new List<Task>();
        foreach (var host in items.GroupBy(item => HostOf(urlOf(item)), StringComparer.OrdinalIgnoreCase))
        {
            var queue = new ConcurrentQueue<T>(host);
            for (var lane = Math.Min(perHost, queue.Count); lane > 0; lane--)
            {
                lanes.Add(LaneAsync(queue));
            }
        }
        await Task.WhenAll(lanes);

        async Task LaneAsync(ConcurrentQueue<T> queue)
        {
            // Off the caller's thread at once: the lanes are started in a loop, and none may run its first item inline.
            await Task.Yield();
            while (queue.TryDequeue(out var item))
            {
                await slots.WaitAsync(ct);
                try
                {
                    await work(item, ct);
                }
                finally
                {
                    slots.Release();
                }
            }
        }
    }

    /// <summary>The host a request goes to; a URL that has none is a lane of its own (its fetch fails on its own).</summary>
    internal static string HostOf(string url) =>
        Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.IdnHost.Length > 0 ? uri.IdnHost : url;
}
