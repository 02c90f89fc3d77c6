using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Digest.Llm.Tests.Options;

public sealed class PriceOptionTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("0")]
    [InlineData("0.15")]
    [InlineData("1000")]
    public void A_price_from_zero_to_a_thousand_or_none_is_accepted(string? value) =>
        Assert.Equal(value is null ? null : decimal.Parse(value, CultureInfo.InvariantCulture), Resolve(value).PricePer1kTokens);

    [Theory]
    [InlineData("-0.01")]
    [InlineData("1000.5")]
    public void A_negative_or_absurd_price_fails_naming_its_key_with_or_without_an_api_key(string value)
    {
        foreach (var key in new[] { "", "k" })
        {
            var error = Assert.Throws<OptionsValidationException>(() => Resolve(value, key));

            var failure = Assert.Single(error.Failures);
            Assert.StartsWith("Llm:PricePer1kTokens must be between 0 and 1000", failure, StringComparison.Ordinal);
        }
    }

    private static LlmOptions Resolve(string? price, string apiKey = "")
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Llm:ApiKey"] = apiKey, ["Llm:PricePer1kTokens"] = price })
            .Build();
        using var services = new ServiceCollection().AddDigestLlm(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<LlmOptions>>().Value;
    }
}
