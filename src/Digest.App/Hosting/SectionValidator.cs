using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace Digest.App.Hosting;

/// <summary>
/// Validates an options class by its data annotations and <see cref="IValidatableObject"/> rules, and those of the
/// option objects inside it (dictionary values and list items too), naming each bad key by its full path
/// ("Delivery:Limits:telegram:PerChatPerSecond").
/// </summary>
internal sealed class SectionValidator<T>(string section) : IValidateOptions<T>
    where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var failures = new List<string>();
        Check(options, section, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(object options, string path, List<string> failures)
    {
        var results = new List<ValidationResult>();
        // Runs IValidatableObject.Validate too, but only once the annotations pass: cross-field rules may rely on them.
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        failures.AddRange(results.Select(r => $"{Keys(path, r.MemberNames)}: {r.ErrorMessage}"));

        foreach (var property in options.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
            {
                continue;
            }
            var key = $"{path}:{property.Name}";
            switch (property.GetValue(options))
            {
                case IDictionary dictionary:
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        CheckNested(entry.Value, $"{key}:{entry.Key}", failures);
                    }
                    break;
                case IEnumerable list and not string:
                    var index = 0;
                    foreach (var item in list)
                    {
                        CheckNested(item, $"{key}:{index++}", failures);
                    }
                    break;
                case { } value:
                    CheckNested(value, key, failures);
                    break;
            }
        }
    }

    /// <summary>Only our own option classes: strings, time spans, URIs and the like validate nothing inside.</summary>
    private static void CheckNested(object? value, string path, List<string> failures)
    {
        if (value is not null && value.GetType() is { IsClass: true } type && type.Namespace?.StartsWith("System", StringComparison.Ordinal) != true)
        {
            Check(value, path, failures);
        }
    }

    private static string Keys(string path, IEnumerable<string> members)
    {
        var keys = members.Select(m => $"{path}:{m}").ToList();
        return keys.Count == 0 ? path : string.Join(", ", keys);
    }
}
