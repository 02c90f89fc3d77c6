using Digest.Llm.Writing;

namespace Digest.Llm.Tests.Writing;

public sealed class OutputLanguageTests
{
    [Theory]
    [InlineData("en", "English (en)")]
    [InlineData("fr", "French (fr)")]
    [InlineData("de", "German (de)")]
    [InlineData("pt-BR", "Portuguese (Brazil) (pt-BR)")]
    [InlineData("qq", "qq")]
    public void A_language_tag_is_described_by_its_english_name(string tag, string expected) =>
        Assert.Equal(expected, OutputLanguage.Describe(tag));

    [Theory]
    [InlineData("english please")]
    [InlineData("de}}")]
    [InlineData("e")]
    public void Anything_but_a_language_tag_is_refused(string language) =>
        Assert.Throws<ArgumentException>(() => OutputLanguage.Describe(language));
}
