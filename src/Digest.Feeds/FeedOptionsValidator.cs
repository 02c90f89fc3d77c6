using Microsoft.Extensions.Options;

namespace Digest.Feeds;

/// <summary>Checks <see cref="FeedOptions"/> at start, naming the configuration key of each bad value.</summary>
internal sealed class FeedOptionsValidator : IValidateOptions<FeedOptions>
{
    private const long MinBodyBytes = 1024;
    private const long MaxBodyBytesLimit = 1024L * 1024 * 1024;
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(10);

    public ValidateOptionsResult Validate(string? name, FeedOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        var section = FeedOptions.SectionName;

        if (!string.IsNullOrWhiteSpace(options.Opml) && !File.Exists(options.Opml))
        {
            errors.Add($"{section}:Opml names a file that does not exist: '{Path.GetFullPath(options.Opml)}'.");
        }
        if (options.Timeout <= TimeSpan.Zero || options.Timeout > MaxTimeout)
        {
            errors.Add($"{section}:Timeout must be more than 0 and at most {MaxTimeout} (was {options.Timeout}).");
        }
        if (options.MaxBodyBytes is < MinBodyBytes or > MaxBodyBytesLimit)
        {
            errors.Add($"{section}:MaxBodyBytes must be between {MinBodyBytes} and {MaxBodyBytesLimit} (was {options.MaxBodyBytes}).");
        }
        if (options.MaxRedirects is < 0 or > 20)
        {
            errors.Add($"{section}:MaxRedirects must be between 0 and 20 (was {options.MaxRedirects}).");
        }
        if (string.IsNullOrWhiteSpace(options.UserAgent) || options.UserAgent.Any(char.IsControl))
        {
            errors.Add($"{section}:UserAgent must be a non-empty single line.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
