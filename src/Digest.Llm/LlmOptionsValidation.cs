using Microsoft.Extensions.Options;

namespace Digest.Llm;

/// <summary>Fails start-up with every problem in the "Llm" section at once.</summary>
internal sealed class LlmOptionsValidation : IValidateOptions<LlmOptions>
{
    public ValidateOptionsResult Validate(string? name, LlmOptions options)
    {
        var errors = options.Validate().ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
