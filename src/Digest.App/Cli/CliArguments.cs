using System.Globalization;

namespace Digest.App.Cli;

/// <summary>A verb's arguments: positional words and --options (with or without a value).</summary>
internal sealed class CliArguments
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);

    public CliArguments(IEnumerable<string> args)
    {
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var arg = list[i];
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                var name = arg[2..];
                var value = i + 1 < list.Count && !list[i + 1].StartsWith("--", StringComparison.Ordinal) ? list[++i] : null;
                _options[name] = value;
            }
            else
            {
                Positional.Add(arg);
            }
        }
    }

    public List<string> Positional { get; } = [];

    public bool Has(string name) => _options.ContainsKey(name);

    public string? Text(string name) =>
        _options.TryGetValue(name, out var value)
            ? value ?? throw new CliException($"--{name} needs a value")
            : null;

    public int? Number(string name, int min, int max)
    {
        var text = Text(name);
        if (text is null)
        {
            return null;
        }
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
        {
            throw new CliException($"--{name} must be a whole number from {min} to {max}, not '{text}'");
        }
        return n;
    }

    /// <summary>Fails on options the verb does not know, so a typo is not silently ignored.</summary>
    public void AllowOnly(params string[] names)
    {
        var unknown = _options.Keys.Except(names, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new CliException($"unknown option --{unknown[0]}");
        }
    }
}

/// <summary>A usage error: printed as one line, exit code 2.</summary>
internal sealed class CliException(string message) : Exception(message);
