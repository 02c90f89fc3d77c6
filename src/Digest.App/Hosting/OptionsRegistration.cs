using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Digest.App.Hosting;

internal static class OptionsRegistration
{
    /// <summary>Binds a core options class to a section, validates it at start, and exposes the plain value to the core.</summary>
    /// <param name="validate">False where an adapter's own options class already validates the same keys.</param>
    public static IServiceCollection AddSectionOptions<T>(this IServiceCollection services, IConfiguration configuration, string section, bool validate = true)
        where T : class
    {
        var options = services.AddOptions<T>().Bind(configuration.GetSection(section));
        if (validate)
        {
            options.ValidateOnStart();
            services.AddSingleton<IValidateOptions<T>>(new SectionValidator<T>(section));
        }
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<T>>().Value);
        return services;
    }
}
