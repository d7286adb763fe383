namespace RentalRules.Tests.Vocabulary;

/// <summary>The one place a language code from a file or the command line becomes a <see cref="Language"/>.</summary>
public sealed class LanguagesTests
{
    [Theory]
    [InlineData("da", Language.Danish)]
    [InlineData("DA", Language.Danish)]
    [InlineData("en", Language.English)]
    [InlineData("En", Language.English)]
    public void TryParse_KnownCode_InAnyCase_IsItsLanguage(string code, Language expected)
    {
        Assert.True(Languages.TryParse(code, out var language));
        Assert.Equal(expected, language);
        Assert.Equal(code.ToLowerInvariant(), language.Code());
    }

    [Theory]
    [InlineData("de")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("dan")]
    public void TryParse_UnknownCode_IsRefused(string? code)
        => Assert.False(Languages.TryParse(code, out _));

    [Fact]
    public void Codes_AreEveryLanguage()
        => Assert.Equal(Enum.GetValues<Language>().Select(l => l.Code()).Order(StringComparer.Ordinal), Languages.Codes.Order(StringComparer.Ordinal));
}
