using Microsoft.Extensions.Options;

namespace Digest.App.Cli;

/// <summary>Dispatches <c>digest &lt;verb&gt;</c> and turns usage and configuration errors into one clear line.</summary>
internal static class DigestCli
{
    public static async Task<int> RunAsync(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        var verb = args.FirstOrDefault() ?? "help";
        var rest = new CliArguments(args.Skip(1));
        try
        {
            return verb switch
            {
                "generate" => await GenerateCommand.RunAsync(rest, cancel.Token),
                "feeds" => await FeedsCommand.RunAsync(rest, cancel.Token),
                "run" => await RunCommand.RunAsync(rest, cancel.Token),
                "send" => await SendCommand.RunAsync(rest, cancel.Token),
                "chat" => await ChatCommand.RunAsync(rest, cancel.Token),
                "stats" => await StatsCommand.RunAsync(rest, cancel.Token),
                "help" or "--help" or "-h" => Help(),
                _ => throw new CliException($"unknown verb '{verb}'"),
            };
        }
        catch (CliException ex)
        {
            await Console.Error.WriteLineAsync($"digest: {ex.Message}");
            Help();
            return 2;
        }
        catch (ListenFailure ex)
        {
            await Console.Error.WriteLineAsync($"digest: {ex.Message}");
            return 3;
        }
        catch (Exception ex) when (ConfigurationFailures(ex) is { Count: > 0 } failures)
        {
            foreach (var failure in failures)
            {
                await Console.Error.WriteLineAsync($"digest: configuration: {failure}");
            }
            return 3;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("digest: cancelled");
            return 130;
        }
    }

    /// <summary>
    /// Validation failures, whether one options class failed or several (an AggregateException), and values that are
    /// not of their key's type (the binder names the key: "Failed to convert configuration value 'x' at 'Feeds:Timeout' …").
    /// </summary>
    private static List<string> ConfigurationFailures(Exception ex) => ex switch
    {
        OptionsValidationException one => [.. one.Failures],
        InvalidOperationException { Source: "Microsoft.Extensions.Configuration.Binder" } unbindable => [unbindable.Message],
        AggregateException many => [.. many.Flatten().InnerExceptions.OfType<OptionsValidationException>().SelectMany(e => e.Failures)],
        _ => [],
    };

    private static int Help()
    {
        Console.Error.WriteLine($"""
            usage: digest <verb>
              {GenerateCommand.Usage}
              {FeedsCommand.Usage}
              {RunCommand.Usage}
              {SendCommand.Usage}
                {SendCommand.Details}
              {ChatCommand.Usage}: the bot in this terminal (no token needed)
              {StatsCommand.Usage}
            """);
        return 0;
    }
}
