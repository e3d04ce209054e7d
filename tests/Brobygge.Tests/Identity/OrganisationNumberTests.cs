using System.Text.Json;
using Brobygge.Identity;

namespace Brobygge.Tests.Identity;

public class OrganisationNumberTests
{
    /// <summary>organisationsnummer/meta vectors; the index keeps the data's repeated entries apart.</summary>
    public static TheoryData<int, string, bool, string, string, string> SharedVectors()
    {
        var rows = new TheoryData<int, string, bool, string, string, string>();
        using var document = JsonDocument.Parse(File.ReadAllText(SharedData.PathTo("data", "organisationsnummer-testdata.json")));
        var index = 0;
        foreach (var entry in document.RootElement.EnumerateArray())
        {
            rows.Add(
                index++,
                entry.GetProperty("input").GetString()!,
                entry.GetProperty("valid").GetBoolean(),
                entry.GetProperty("short_format").GetString()!,
                entry.GetProperty("long_format").GetString()!,
                entry.GetProperty("type").GetString()!);
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(SharedVectors))]
    public void Shared_test_vectors_are_accepted_or_rejected_as_expected(
        int entry, string input, bool valid, string shortFormat, string longFormat, string type)
    {
        var accepted = OrganisationNumber.TryParse(input, out var number, out var problem);

        Assert.True(accepted == valid, $"entry {entry} '{input}': expected valid={valid}, got {problem ?? "accepted"}");
        if (!valid)
        {
            Assert.False(string.IsNullOrWhiteSpace(problem));
            return;
        }

        Assert.Null(problem);
        Assert.Equal(shortFormat, number.Value);
        Assert.Equal(type == "Enskild firma", number.IsPersonalIdentityNumber);

        // The data writes '+' for an owner aged 100 or more; an organisation number carries no century, so ToString always uses '-'.
        Assert.Equal(longFormat.Replace('+', '-'), number.ToString());
        Assert.True(OrganisationNumber.TryParse(longFormat, out var again, out _), $"entry {entry}: '{longFormat}' did not read back");
        Assert.Equal(number, again);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("5561034250")]
    [InlineData("556103-4250")]
    [InlineData("556103425")]
    [InlineData("55610342490")]
    [InlineData("556103 4249")]
    [InlineData("55610-34249")]
    [InlineData("556103-424A")]
    [InlineData("175561034249")]
    [InlineData("161212121212")]
    [InlineData("5512345674")]
    [InlineData("20000101-T220")]
    public void Bad_input_is_rejected_with_a_reason(string? input)
    {
        var accepted = OrganisationNumber.TryParse(input, out var number, out var problem);

        Assert.False(accepted);
        Assert.False(string.IsNullOrWhiteSpace(problem));
        Assert.Equal(default, number);
    }

    [Theory]
    [InlineData("556016-0680", "5560160680")]
    [InlineData(" 5560160680 ", "5560160680")]
    [InlineData("16556016-0680", "5560160680")]
    [InlineData("121212-1212", "1212121212")]
    [InlineData("19121212-1212", "1212121212")]
    [InlineData("000229-2399", "0002292399")]
    public void Separators_prefix_and_century_are_dropped_from_the_value(string input, string value)
    {
        Assert.True(OrganisationNumber.TryParse(input, out var number, out var problem), problem);
        Assert.Equal(value, number.Value);
    }

    [Fact]
    public void A_legal_entity_is_not_personal_data()
    {
        Assert.True(OrganisationNumber.TryParse("5560160680", out var company, out _));
        Assert.True(OrganisationNumber.TryParse("195102179974", out var soleTrader, out _));

        Assert.False(company.IsPersonalIdentityNumber);
        Assert.True(soleTrader.IsPersonalIdentityNumber);
    }
}
