using Digest.Core;

namespace Digest.App.Cli;

/// <summary>Shows "feeds 45/92" on stderr, rewriting one line, only when stderr is a terminal.</summary>
internal sealed class TerminalProgress : IProgress<PipelineProgress>
{
    private readonly Lock _gate = new();

    public static IProgress<PipelineProgress>? ForStandardError() => Console.IsErrorRedirected ? null : new TerminalProgress();

    public void Report(PipelineProgress value)
    {
        lock (_gate)
        {
            Console.Error.Write($"\r\u001b[2K{value.Stage} {value.Done}/{value.Total}");
            if (value.Done == value.Total)
            {
                Console.Error.WriteLine();
            }
        }
    }
}
