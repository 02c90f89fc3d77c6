using Microsoft.Extensions.Options;

namespace Digest.Feeds;

/// <summary>Checks <see cref="PageOptions"/> at start, naming the configuration key of each bad value.</summary>
internal sealed class PageOptionsValidator : IValidateOptions<PageOptions>
{
    private const long MinBodyBytes = 1024;
    private const long MaxBodyBytesLimit = 100L * 1024 * 1024;
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(2);

    public ValidateOptionsResult Validate(string? name, PageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        var section = PageOptions.SectionName;
        if (options.Timeout <= TimeSpan.Zero || options.Timeout > MaxTimeout)
        {
            errors.Add($"{section}:Timeout must be more than 0 and at most {MaxTimeout} (was {options.Timeout}).");
        }
        if (options.MaxBodyBytes is < MinBodyBytes or > MaxBodyBytesLimit)
        {
            errors.Add($"{section}:MaxBodyBytes must be between {MinBodyBytes} and {MaxBodyBytesLimit} (was {options.MaxBodyBytes}).");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
