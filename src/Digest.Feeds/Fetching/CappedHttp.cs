using System.Buffers;
using Digest.Feeds.Pages;

namespace Digest.Feeds.Fetching;

/// <summary>
/// One GET under the feed (or page) limits: a timeout that covers headers and body, and a body cap counted after
/// decompression, so a slow drip or a gzip bomb ends as a clear error instead of a hang or a huge buffer.
/// </summary>
internal static class CappedHttp
{
    private const int ChunkSize = 81920;

    public static bool TryCreateHttpUri(string? url, out Uri uri)
    {
        if (Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var parsed)
            && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps))
        {
            uri = parsed;
            return true;
        }
        uri = null!;
        return false;
    }

    public static Task<HttpOutcome> GetAsync(
        HttpClient client,
        HttpRequestMessage request,
        FeedOptions options,
        TimeProvider time,
        Func<HttpResponseMessage, bool> wantsBody,
        CancellationToken ct) =>
        GetAsync(client, request, HttpLimits.Of(options), time, wantsBody, ct);

    /// <summary>Sends the request; reads the body only when <paramref name="wantsBody"/> says so. Throws only when <paramref name="ct"/> is cancelled.</summary>
    public static async Task<HttpOutcome> GetAsync(
        HttpClient client,
        HttpRequestMessage request,
        HttpLimits options,
        TimeProvider time,
        Func<HttpResponseMessage, bool> wantsBody,
        CancellationToken ct)
    {
        using var timeout = new CancellationTokenSource(options.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        HttpResponseMessage? response = null;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            if (!wantsBody(response))
            {
                return HttpOutcome.Received(response, null);
            }
            var body = await ReadCappedAsync(response.Content, options.MaxBodyBytes, linked.Token);
            if (body is null)
            {
                response.Dispose();
                return HttpOutcome.Failed(
                    $"Body exceeds the {ErrorText.Bytes(options.MaxBodyBytes)} limit, counted after decompression ({options.Section}:MaxBodyBytes)",
                    HttpFailure.TooLarge);
            }
            return HttpOutcome.Received(response, body);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            response?.Dispose();
            throw;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            response?.Dispose();
            return HttpOutcome.Failed($"Timed out after {ErrorText.Seconds(options.Timeout)} ({options.Section}:Timeout)", HttpFailure.TimedOut);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // Whatever a broken or hostile server makes the stack throw is that feed's failure, never the run's.
            response?.Dispose();
            return HttpOutcome.Failed($"Request failed: {ErrorText.Describe(e)}", IsRefusal(e) ? HttpFailure.NonPublicAddress : HttpFailure.Failed);
        }
    }

    /// <summary>The handler wraps what the connect callback throws, once or more; the refusal is somewhere inside.</summary>
    private static bool IsRefusal(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is NonPublicAddressException)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The whole body, or null as soon as it passes <paramref name="maxBytes"/>.</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadCappedAsync(HttpContent content, long maxBytes, CancellationToken ct)
    {
        var declared = content.Headers.ContentLength;
        if (declared > maxBytes)
        {
            return null;
        }
        await using var stream = await content.ReadAsStreamAsync(ct);
        var buffer = new MemoryStream((int)Math.Min(declared ?? ChunkSize, maxBytes));
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk.AsMemory(0, ChunkSize), ct)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return null;
                }
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        // The stream's own buffer, not a copy of it: a feed body is often large enough for the large object heap.
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }
}
