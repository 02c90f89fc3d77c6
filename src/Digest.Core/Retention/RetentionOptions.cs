using System.ComponentModel.DataAnnotations;

namespace Digest.Core.Retention;

/// <summary>How long the database keeps what it no longer needs (section "Retention").</summary>
public sealed class RetentionOptions : IValidatableObject
{
    /// <summary>Finished deliveries, message bodies, collect reports, LLM usage and superseded editions older than this go.</summary>
    [Range(1, 3650)]
    public int Days { get; set; } = 30;

    /// <summary>Articles (with their assessments) older than this go, unless an edition that is kept cites them.</summary>
    [Range(1, 3650)]
    public int ArticleDays { get; set; } = 90;

    /// <summary>How often pruning runs.</summary>
    public TimeSpan Every { get; set; } = TimeSpan.FromHours(6);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Every <= TimeSpan.Zero)
        {
            yield return new ValidationResult("must be a positive time span", [nameof(Every)]);
        }
    }
}
