using System.Globalization;
using Brobygge.Codes;

namespace Brobygge.Tests.Codes;

public class CodeListTests
{
    private static readonly CultureInfo Swedish = new("sv-SE");
    private static readonly CultureInfo English = new("en-GB");

    private static string SharedDataPath(params string[] path) => SharedData.PathTo(["data", .. path]);

    private static List<Dictionary<string, string>> ReadCsv(string path) => CodeFile.Read(File.ReadAllBytes(path));

    [Theory]
    [InlineData("ar", "ar")]
    [InlineData("AR", "ar")]
    [InlineData("Arabiska", "ar")]
    [InlineData("arabic", "ar")]
    [InlineData(" Tigrinja ", "ti")]
    [InlineData("Somaliska", "so")]
    [InlineData("prs", "prs")]
    [InlineData("Dari", "prs")]
    [InlineData("ckb", "ckb")]
    [InlineData("Sorani", "ckb")]
    [InlineData("kmr", "kmr")]
    [InlineData("sdh", "sdh")]
    [InlineData("Persiska", "fa")]
    [InlineData("Farsi", "fa")]
    public void A_language_is_found_by_its_code_or_its_Swedish_or_English_name(string input, string code)
        => Assert.Equal(code, Languages.TryFind(input));

    [Theory]
    [InlineData("xx")]
    [InlineData("zzz")]
    [InlineData("ara")]
    [InlineData("Klingonska")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_no_language(string? input) => Assert.Null(Languages.TryFind(input));

    [Fact]
    public void Every_ISO_639_1_language_is_in_the_list_with_a_two_letter_code()
    {
        var twoLetter = Languages.List.All.Where(l => l.Code.Length == 2).ToList();

        // ISO 639-1 has 183 current codes (iso-codes lists 184).
        Assert.True(twoLetter.Count >= 183, $"{twoLetter.Count} two-letter codes");
        Assert.All(twoLetter, l => Assert.Matches("^[a-z]{2}$", l.Code));
    }

    [Fact]
    public void Languages_without_a_two_letter_code_use_ISO_639_3_and_never_a_three_letter_code_where_a_two_letter_one_exists()
    {
        var threeLetter = Languages.List.All.Where(l => l.Code.Length == 3).Select(l => l.Code).ToList();

        Assert.Superset(new HashSet<string> { "prs", "ckb", "kmr", "sdh", "aii", "haz", "swl", "fit", "sma", "rom" }, threeLetter.ToHashSet());
        Assert.DoesNotContain("ara", threeLetter);
        Assert.DoesNotContain("swe", threeLetter);
        Assert.DoesNotContain("som", threeLetter);
    }

    [Fact]
    public void Every_language_has_a_Swedish_and_an_English_name()
        => Assert.All(Languages.List.All, l =>
        {
            Assert.False(string.IsNullOrWhiteSpace(l.Swedish), l.Code);
            Assert.False(string.IsNullOrWhiteSpace(l.English), l.Code);
        });

    [Theory]
    [InlineData("ar", "Arabiska", "Arabic")]
    [InlineData("sv", "Svenska", "Swedish")]
    [InlineData("ckb", "Centralkurdiska (sorani)", "Central Kurdish")]
    [InlineData("ti", "Tigrinja", "Tigrinya")]
    public void A_language_is_named_in_the_UI_language(string code, string swedish, string english)
    {
        Assert.Equal(swedish, Languages.Name(code, Swedish));
        Assert.Equal(english, Languages.Name(code, English));
    }

    [Theory]
    [InlineData("SE", "SE")]
    [InlineData("se", "SE")]
    [InlineData("Sverige", "SE")]
    [InlineData("Sweden", "SE")]
    [InlineData("Syrien", "SY")]
    [InlineData("Syrian Arab Republic", "SY")]
    [InlineData("Afghanistan", "AF")]
    [InlineData("Storbritannien och Nordirland", "GB")]
    [InlineData("XK", "XK")]
    public void A_country_is_found_by_its_code_or_a_name(string input, string code)
        => Assert.Equal(code, Countries.TryFind(input));

    [Theory]
    [InlineData("XX")]
    [InlineData("SWE")]
    [InlineData("Atlantis")]
    [InlineData("stateless")]
    public void Anything_else_is_no_country(string input) => Assert.Null(Countries.TryFind(input));

    [Fact]
    public void Every_ISO_3166_1_country_is_in_the_list()
    {
        // ISO 3166-1 has 249 alpha-2 codes; Kosovo's XK comes on top.
        Assert.Equal(250, Countries.List.All.Count);
        Assert.All(Countries.List.All, c => Assert.Matches("^[A-Z]{2}$", c.Code));
        Assert.Equal("Tyskland", Countries.Name("DE", Swedish));
        Assert.Equal("Germany", Countries.Name("DE", English));
    }

    [Fact]
    public void Every_country_of_the_JobTech_taxonomy_is_found_by_its_Swedish_label()
    {
        var labels = ReadCsv(SharedDataPath("jobtech-taxonomy", "country.csv")).Select(r => r["preferred_label"]).ToList();

        Assert.Equal(250, labels.Count);
        Assert.DoesNotContain(labels, label => Countries.TryFind(label) is null);
    }

    [Theory]
    [InlineData("Arabiska")]
    [InlineData("Dari")]
    [InlineData("Somaliska")]
    [InlineData("Tigrinja/Tigrinska")]
    [InlineData("Persiska (Farsi)")]
    [InlineData("Kurdiska")]
    [InlineData("Syrianska")]
    [InlineData("Assyriska")]
    [InlineData("Meänkieli/Tornedalsfinska")]
    [InlineData("Svenska")]
    [InlineData("Engelska")]
    [InlineData("Amhariska")]
    [InlineData("Pashto")]
    [InlineData("Bosniska")]
    [InlineData("Ukrainska")]
    public void The_languages_migrants_speak_are_found_by_their_JobTech_label(string label)
    {
        Assert.Contains(label, ReadCsv(SharedDataPath("jobtech-taxonomy", "language.csv")).Select(r => r["preferred_label"]));
        // A label with alternatives ("Tigrinja/Tigrinska") is found by one of them.
        Assert.Contains(label.Split('/').Select(Languages.TryFind).Concat([Languages.TryFind(label.Split(" (")[0])]), code => code is not null);
    }

    [Fact]
    public void Every_municipality_of_se_geo_is_in_the_list_with_its_county()
    {
        var rows = ReadCsv(SharedDataPath("se-geo", "municipality_county.csv"));

        Assert.Equal(290, rows.Count);
        Assert.Equal(rows.Count, Municipalities.All.Count);
        Assert.All(rows, row =>
        {
            var municipality = Municipalities.TryFind(row["municipality_code"]);
            Assert.NotNull(municipality);
            Assert.Equal(row["municipality_name_short"], municipality.Name);
            Assert.Equal(row["county_code"], municipality.County.Code);
            Assert.Equal(row["county_name"], municipality.County.Name);
        });
    }

    [Theory]
    [InlineData("1283", "1283")]
    [InlineData("Helsingborg", "1283")]
    [InlineData("helsingborgs kommun", "1283")]
    [InlineData("0180", "0180")]
    [InlineData("Borås kommun", "1490")]
    public void A_municipality_is_found_by_its_four_digit_code_or_its_name(string input, string code)
        => Assert.Equal(code, Municipalities.TryFind(input)?.Code);

    [Theory]
    [InlineData("1200")]
    [InlineData("283")]
    [InlineData("12834")]
    [InlineData("Gotham")]
    public void Anything_else_is_no_municipality(string input) => Assert.Null(Municipalities.TryFind(input));

    [Fact]
    public void A_municipality_is_shown_by_name_and_county()
    {
        var helsingborg = Municipalities.TryFind("1283")!;

        Assert.Equal("Helsingborg", Municipalities.Name("1283"));
        Assert.Equal("Skåne län", helsingborg.County.Name);
    }
}
