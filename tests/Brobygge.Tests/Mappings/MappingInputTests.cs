using Brobygge.Mappings;
using Brobygge.Taxonomy;

namespace Brobygge.Tests.Mappings;

public sealed class MappingInputTests
{
    private static readonly TaxonomyLookup Skills = TaxonomyLookup.Of(
    [
        Skill("s1", "Kassavana"),
        Skill("s2", "Projektledning, erfarenhet"),
        Skill("s3", "Projektledning"),
        Skill("s4", "Truckkort"),
        Skill("d1", "Gesällbrev, konstgjutare"),
        Skill("d2", "Gesällbrev, konstgjutare"),
    ]);

    private static TaxonomyConcept Skill(string id, string label) => new() { ConceptId = id, Type = "skill", Label = label };

    private static List<(string Label, string? Id, string? Problem)> Parse(string text, Mapping? previous = null)
        => MappingInput.ParseSkills(text, Skills, previous).Select(s => (s.Label, s.Resolved.Concept?.ConceptId, s.Resolved.Problem)).ToList();

    [Fact]
    public void Skills_are_read_one_per_line_or_separated_by_commas()
    {
        Assert.Equal(["s1", "s4", "s3"], Parse("Kassavana\ntruckkort ,  projektledning\n\n").Select(s => s.Id));
    }

    [Fact]
    public void A_skill_whose_label_has_a_comma_is_read_whole_before_trying_its_parts()
    {
        Assert.Equal(["s2", "s1"], Parse("Projektledning,erfarenhet, Kassavana").Select(s => s.Id));
    }

    [Fact]
    public void An_unknown_skill_is_named_and_the_rest_of_the_line_still_read()
    {
        var parsed = Parse("Kassavana, Jonglering, Truckkort");

        Assert.Equal([("Kassavana", "s1", null), ("Jonglering", null, "There is no skill called “{0}” in the taxonomy."), ("Truckkort", "s4", null)], parsed);
    }

    [Fact]
    public void A_label_two_skills_share_is_refused_unless_the_previous_version_had_it()
    {
        var previous = new Mapping { Skills = [new ConceptRef { ConceptId = "d2", Label = "Gesällbrev, konstgjutare" }] };

        Assert.StartsWith("Several skills", Parse("Gesällbrev, konstgjutare").Single().Problem);
        Assert.Equal("d2", Parse("Gesällbrev, konstgjutare", previous).Single().Id);
    }

    [Theory]
    [InlineData("3", 3.0)]
    [InlineData(" 1,5 ", 1.5)]
    [InlineData("0.25", 0.3)]
    [InlineData("60", 60.0)]
    [InlineData("0", 0.0)]
    [InlineData("61", null)]
    [InlineData("-1", null)]
    [InlineData("tre", null)]
    [InlineData("", null)]
    public void Years_are_numbers_from_0_to_60_with_a_decimal_comma_or_point(string text, double? years)
    {
        Assert.Equal(years, MappingInput.ParseYears(text));
    }

    [Fact]
    public void The_form_keeps_three_empty_rows_below_the_filled_ones()
    {
        var input = new MappingInput { Experience = [new() { Occupation = "Kock", Years = "2" }] }.WithEmptyRows();

        Assert.Equal(4, input.Experience.Count);
        Assert.Equal(3, input.Languages.Count);
        Assert.Equal(4, input.WithEmptyRows().Experience.Count);
    }
}
