using Brobygge.Participants;

namespace Brobygge.Tests.Participants;

public class ParticipantInputTests
{
    private static List<string>? CodesOf(string? languages) => new ParticipantInput { Languages = languages }.LanguageCodes();

    [Theory]
    [InlineData("ar, sv", "ar sv")]
    [InlineData("ar,sv", "ar sv")]
    [InlineData("ar sv", "ar sv")]
    [InlineData("ar  sv", "ar sv")]
    [InlineData("ar|sv", "ar sv")]
    [InlineData("ar; sv", "ar sv")]
    [InlineData(" ar ,, sv , ", "ar sv")]
    [InlineData("prs, fa, sv", "prs fa sv")]
    [InlineData("ti", "ti")]
    public void Codes_separated_by_commas_spaces_semicolons_or_pipes_are_read_in_order(string languages, string expected)
        => Assert.Equal(expected.Split(' '), CodesOf(languages));

    [Fact]
    public void The_mother_tongue_stays_first()
        => Assert.Equal(new[] { "sv", "ar" }, CodesOf("sv, ar"));

    [Theory]
    [InlineData("AR, Sv", "ar sv")]
    [InlineData("PRS", "prs")]
    public void Codes_are_lower_cased(string languages, string expected)
        => Assert.Equal(expected.Split(' '), CodesOf(languages));

    [Theory]
    [InlineData("ar, sv, ar", "ar sv")]
    [InlineData("so, SO, So", "so")]
    [InlineData("fa sv FA en", "fa sv en")]
    public void A_code_given_twice_is_kept_once_where_it_first_appears(string languages, string expected)
        => Assert.Equal(expected.Split(' '), CodesOf(languages));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" , | ")]
    public void No_languages_is_an_empty_list_not_an_error(string? languages)
    {
        var codes = CodesOf(languages);

        Assert.NotNull(codes);
        Assert.Empty(codes);
    }

    [Theory]
    [InlineData("Arabiska, svenska", "ar sv")]
    [InlineData("Arabic, Swedish", "ar sv")]
    [InlineData("Centralkurdiska (sorani), Dari", "ckb prs")]
    [InlineData("arabiska svenska", "ar sv")]
    public void Languages_are_found_by_their_Swedish_or_English_names_too(string languages, string expected)
        => Assert.Equal(expected.Split(' '), CodesOf(languages));

    [Theory]
    [InlineData("xx")]
    [InlineData("ar, xx")]
    [InlineData("ar, svenskish")]
    [InlineData("zzz")]
    [InlineData("a")]
    [InlineData("ar, s")]
    [InlineData("abcd")]
    [InlineData("a1")]
    [InlineData("är")]
    [InlineData("ar/sv")]
    [InlineData("ar-SY")]
    public void Anything_that_is_not_a_listed_language_makes_the_whole_list_invalid(string languages)
        => Assert.Null(CodesOf(languages));
}
