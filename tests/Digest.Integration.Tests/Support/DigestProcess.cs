using System.Diagnostics;
using System.Text;

namespace Digest.Integration.Tests.Support;

/// <summary>
/// The real CLI (<c>dotnet digest.dll …</c>, copied next to the tests) as a child process: configured only by DIGEST__
/// variables (none inherited from the test process), in its own working directory, its output kept for failure messages.
/// </summary>
public sealed class DigestProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private DigestProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
    }

    /// <summary>Everything it printed so far (logs and summary), for assertion messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>A database and a fake Bot API server, offline assessing, as DIGEST__ variables; add Delivery limits as needed.</summary>
    public static Dictionary<string, string> Environment(string databasePath, Uri telegram) => new()
    {
        ["DIGEST__STORAGE__PATH"] = databasePath,
        ["DIGEST__TELEGRAM__BOTTOKEN"] = Digest.TestKit.Telegram.FakeTelegramServer.DefaultToken,
        ["DIGEST__TELEGRAM__APIBASEURL"] = telegram.ToString(),
        ["DIGEST__LLM__APIKEY"] = "",
    };

    /// <summary>Adds configuration keys ("Delivery:SendNowWait") as the variables the CLI reads (DIGEST__DELIVERY__SENDNOWWAIT).</summary>
    public static void Add(Dictionary<string, string> environment, IDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(settings);
        foreach (var (key, value) in settings)
        {
            environment["DIGEST__" + key.Replace(":", "__", StringComparison.Ordinal).ToUpperInvariant()] = value ?? "";
        }
    }

    public static DigestProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        StartTyping(workingDirectory, environment, input: null, args);

    /// <summary>As <see cref="Start"/>, with <paramref name="input"/> typed on its stdin, which is then closed.</summary>
    public static DigestProcess StartTyping(string workingDirectory, IReadOnlyDictionary<string, string> environment, string? input, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo(System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input is not null,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "digest.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var inherited in start.Environment.Keys.Where(k => k.StartsWith("DIGEST__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(inherited);
        }
        // A home of its own: the developer's user-secrets (a real bot token, say) must not reach the child.
        start.Environment["HOME"] = workingDirectory;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        var child = new DigestProcess(new Process { StartInfo = start });
        child._process.Start();
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        if (input is not null)
        {
            child._process.StandardInput.Write(input);
            child._process.StandardInput.Close();
        }
        return child;
    }

    /// <summary>Its exit code; kills it and fails when it runs longer than <paramref name="timeout"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"digest did not exit within {timeout}. Output:\n{Output}");
        }
        // The parameterless wait also drains the redirected output.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>SIGKILL, the whole tree: no finally block, no shutdown hook runs.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
