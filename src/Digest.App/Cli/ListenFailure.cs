using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;

namespace Digest.App.Cli;

/// <summary>The web server could not listen because its address is taken: printed as one line, exit code 3.</summary>
internal sealed class ListenFailure(string message, Exception inner) : Exception(message, inner)
{
    // What Kestrel listens on when Urls is not set.
    private const string KestrelDefault = "http://localhost:5000";

    /// <summary>
    /// Kestrel reports a taken port as an IOException around <see cref="AddressInUseException"/> (around the
    /// SocketException); anything else is not ours to explain and is left to surface whole.
    /// </summary>
    public static ListenFailure? From(Exception ex, string? urls)
    {
        if (!Chain(ex).Any(e => e is AddressInUseException))
        {
            return null;
        }
        var address = Taken(ex, string.IsNullOrWhiteSpace(urls) ? KestrelDefault : urls);
        return new ListenFailure($"cannot listen on {address}: address already in use (set Urls or DIGEST__URLS to another port)", ex);
    }

    /// <summary>The configured address whose port the error names ("Failed to bind to address http://127.0.0.1:5080: …"), else all of them.</summary>
    private static string Taken(Exception ex, string urls)
    {
        var configured = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var messages = string.Join(" ", Chain(ex).Select(e => e.Message));
        return configured.Length == 1
            ? configured[0]
            : configured.FirstOrDefault(u => messages.Contains($":{BindingAddress.Parse(u).Port}:", StringComparison.Ordinal)) ?? urls;
    }

    private static IEnumerable<Exception> Chain(Exception ex) => ex switch
    {
        AggregateException many => many.InnerExceptions.SelectMany(Chain).Prepend(ex),
        { InnerException: { } inner } => Chain(inner).Prepend(ex),
        _ => [ex],
    };
}
