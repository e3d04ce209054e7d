using Brobygge.Enrolments;

namespace Brobygge.Tests.Enrolments;

public sealed class EntryFactsRulesTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("1990-05-17", "2025-05-16", 34)]
    [InlineData("1990-05-17", "2025-05-17", 35)]
    [InlineData("2000-02-29", "2025-02-27", 24)]
    [InlineData("2000-02-29", "2025-02-28", 25)]
    public void Age_at_entry_is_whole_years_on_the_enrolment_date(string born, string enrolled, int age)
        => Assert.Equal(age, EntryFacts.AgeOn(D(born), D(enrolled)));

    [Theory]
    // Under 25: more than 6 months.
    [InlineData("2024-09-01", "2025-03-01", 24, false)]
    [InlineData("2024-08-31", "2025-03-01", 24, true)]
    // 25 or older: more than 12 months.
    [InlineData("2024-08-31", "2025-03-01", 25, false)]
    [InlineData("2024-03-01", "2025-03-01", 25, false)]
    [InlineData("2024-02-29", "2025-03-01", 25, true)]
    public void Long_term_unemployment_is_more_than_6_months_under_25_and_more_than_12_from_25(string since, string enrolled, int age, bool longTerm)
        => Assert.Equal(longTerm, EntryFacts.IsLongTermUnemployed(D(since), D(enrolled), age));

    [Theory]
    [InlineData(LabourStatusAtEntry.LongTermUnemployed, "2024-06-01", 30, "more than 12 months")]
    [InlineData(LabourStatusAtEntry.LongTermUnemployed, "2024-10-01", 22, "more than 6 months")]
    [InlineData(LabourStatusAtEntry.Unemployed, "2023-01-01", 30, "long-term unemployment")]
    [InlineData(LabourStatusAtEntry.Employed, "2024-12-01", 30, "Only an unemployed participant")]
    [InlineData(LabourStatusAtEntry.Inactive, "2024-12-01", 30, "Only an unemployed participant")]
    [InlineData(LabourStatusAtEntry.Unemployed, "2025-03-02", 30, "after the enrolment date")]
    public void A_status_and_an_unemployment_date_that_disagree_are_refused(LabourStatusAtEntry status, string since, int age, string reason)
        => Assert.Contains(reason, EntryFacts.Disagreement(status, D(since), new DateOnly(2025, 3, 1), age));

    [Theory]
    [InlineData(LabourStatusAtEntry.LongTermUnemployed, "2023-06-01", 30)]
    [InlineData(LabourStatusAtEntry.LongTermUnemployed, "2024-06-01", 22)]
    [InlineData(LabourStatusAtEntry.Unemployed, "2024-06-01", 30)]
    [InlineData(LabourStatusAtEntry.Unemployed, "2024-12-01", 22)]
    public void A_status_and_an_unemployment_date_that_agree_pass(LabourStatusAtEntry status, string since, int age)
        => Assert.Null(EntryFacts.Disagreement(status, D(since), new DateOnly(2025, 3, 1), age));

    [Theory]
    [InlineData("SY", true)]
    [InlineData("SY|SE", false)]
    [InlineData("NO", false)]
    [InlineData("CH", false)]
    [InlineData("GB", true)]
    [InlineData("stateless", true)]
    [InlineData("", null)]
    public void A_third_country_national_has_no_EU_EEA_or_Swiss_citizenship(string citizenship, bool? thirdCountry)
        => Assert.Equal(thirdCountry, EntryFacts.ThirdCountryNational(citizenship.Split('|', StringSplitOptions.RemoveEmptyEntries)));

    [Theory]
    [InlineData("SY", null, true)]
    [InlineData("SE", ParentsBornAbroad.Both, true)]
    [InlineData("SE", ParentsBornAbroad.One, false)]
    [InlineData("SE", ParentsBornAbroad.None, false)]
    [InlineData("SE", ParentsBornAbroad.Unknown, null)]
    [InlineData(null, ParentsBornAbroad.Both, null)]
    public void Foreign_background_is_born_abroad_or_both_parents_born_abroad(string? born, ParentsBornAbroad? parents, bool? foreign)
        => Assert.Equal(foreign, EntryFacts.ForeignBackground(born, parents));

    [Theory]
    [InlineData("SY", "SY")]
    [InlineData("sy, Sverige", "SY SE")]
    [InlineData("Syrien|Syria", "SY")]
    [InlineData("stateless", "stateless")]
    [InlineData("Statslös", "stateless")]
    public void Citizenship_is_read_from_codes_or_names(string input, string expected)
        => Assert.Equal(expected.Split(' '), EntryFacts.ParseCitizenship([input], out _));

    [Theory]
    [InlineData("XX", "no such country")]
    [InlineData("SY, Atlantis", "no such country")]
    [InlineData("stateless, SY", "stateless")]
    public void A_citizenship_that_is_no_country_or_stateless_with_a_country_is_refused(string input, string reason)
    {
        Assert.Null(EntryFacts.ParseCitizenship([input], out var problem));
        Assert.Contains(reason, problem);
    }
}
