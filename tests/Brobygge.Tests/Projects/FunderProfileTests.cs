using Brobygge.Projects;

namespace Brobygge.Tests.Projects;

/// <summary>Each profile's bands, as its regulation defines them.</summary>
public sealed class FunderProfileTests
{
    [Theory]
    [InlineData(17, "below 18")]
    [InlineData(18, "18-29")]
    [InlineData(29, "18-29")]
    [InlineData(30, null)]
    [InlineData(54, null)]
    [InlineData(55, "55 and above")]
    public void Esf_plus_reports_ages_under_18_18_to_29_and_55_and_above(int age, string? band)
        => Assert.Equal(band, FunderProfile.EsfPlus2021.AgeBandOf(age)?.Name);

    [Theory]
    [InlineData(24, "below 25")]
    [InlineData(25, null)]
    [InlineData(54, null)]
    [InlineData(55, "above 54")]
    public void Esf_2014_reports_ages_below_25_and_above_54(int age, string? band)
        => Assert.Equal(band, FunderProfile.Esf2014.AgeBandOf(age)?.Name);

    [Theory]
    [InlineData(17, "below 18")]
    [InlineData(18, "18-60")]
    [InlineData(60, "18-60")]
    [InlineData(61, "above 60")]
    public void Amif_2021_reports_ages_under_18_18_to_60_and_over_60(int age, string band)
        => Assert.Equal(band, FunderProfile.Amif2021.AgeBandOf(age)?.Name);

    [Theory]
    [InlineData(0, "ISCED 0-2")]
    [InlineData(2, "ISCED 0-2")]
    [InlineData(3, "ISCED 3-4")]
    [InlineData(4, "ISCED 3-4")]
    [InlineData(5, "ISCED 5-8")]
    [InlineData(8, "ISCED 5-8")]
    public void Esf_plus_reports_education_in_three_isced_bands(int isced, string band)
        => Assert.Equal(band, FunderProfile.EsfPlus2021.EducationBandOf(isced)?.Name);

    [Fact]
    public void Esf_2014_counts_isced_0_in_no_education_band()
    {
        Assert.Null(FunderProfile.Esf2014.EducationBandOf(0));
        Assert.Equal("ISCED 1-2", FunderProfile.Esf2014.EducationBandOf(1)?.Name);
    }

    [Fact]
    public void Gender_includes_non_binary_for_esf_plus_and_amif_2021()
    {
        Assert.Contains(Brobygge.Participants.Gender.NonBinary, FunderProfile.EsfPlus2021.Genders);
        Assert.Contains(Brobygge.Participants.Gender.NonBinary, FunderProfile.Amif2021.Genders);
        Assert.DoesNotContain(Brobygge.Participants.Gender.NonBinary, FunderProfile.Esf2014.Genders);
    }

    [Fact]
    public void Special_categories_are_asked_by_the_esf_profiles_only()
    {
        Assert.Equal(3, FunderProfile.Esf2014.SpecialCategories.Count);
        Assert.Equal(3, FunderProfile.EsfPlus2021.SpecialCategories.Count);
        Assert.Empty(FunderProfile.Amif2014.SpecialCategories);
        Assert.Empty(FunderProfile.Amif2021.SpecialCategories);
        Assert.Empty(FunderProfile.Of(FunderProfileKind.None).SpecialCategories);
    }

    [Fact]
    public void Amif_identifies_by_personnummer_samordningsnummer_or_lma_number()
        => Assert.Contains(IdentityKind.LmaNumber, FunderProfile.Amif2021.Identities);
}
