using Brobygge.Mappings;
using Brobygge.Participants;

namespace Brobygge.Tests.Mappings;

public sealed class MappingChangesTests
{
    private static Mapping Version(int number, Action<Mapping>? change = null)
    {
        var mapping = new Mapping
        {
            Number = number,
            MappedOn = new DateOnly(2025, 3, number),
            EducationField = "Väg- och vattenbyggnad",
            EducationCountry = "SY",
            DegreeRecognition = DegreeRecognition.Applied,
            Experience = [new WorkExperience { OccupationId = "civ", Label = "Civilingenjör, bygg", Years = 4 }],
            Languages = [new LanguageSkill { Code = "ar", Level = LanguageLevel.Native }, new LanguageSkill { Code = "sv", Level = LanguageLevel.Basic }],
            Skills = [new ConceptRef { ConceptId = "cad", Label = "CAD-konstruktion" }],
            DrivingLicences = ["B"],
            Goals = "Arbeta som byggnadsingenjör",
        };
        change?.Invoke(mapping);
        return mapping;
    }

    [Fact]
    public void The_first_version_adds_everything_that_is_filled_in_and_nothing_else()
    {
        var changes = MappingChanges.Between(null, Version(1));

        Assert.All(changes, change => Assert.Equal(ChangeKind.Added, change.Kind));
        Assert.Equal(
            [MappingField.EducationField, MappingField.EducationCountry, MappingField.DegreeRecognition,
             MappingField.Experience, MappingField.Languages, MappingField.Languages, MappingField.Skills,
             MappingField.DrivingLicences, MappingField.Goals],
            changes.Select(c => c.Field));
        Assert.Contains(new MappingChange(MappingField.Experience, ChangeKind.Added, "Civilingenjör, bygg", After: 4.0), changes);
        Assert.DoesNotContain(changes, c => c.Field == MappingField.Obstacles);
    }

    [Fact]
    public void Two_versions_with_the_same_content_differ_in_nothing_even_on_another_date()
    {
        Assert.Empty(MappingChanges.Between(Version(1), Version(2)));
    }

    [Fact]
    public void More_years_in_an_occupation_is_a_change_of_that_occupation_with_before_and_after()
    {
        var changes = MappingChanges.Between(Version(1), Version(2, m => m.Experience[0].Years = 5.5));

        var change = Assert.Single(changes);
        Assert.Equal(new MappingChange(MappingField.Experience, ChangeKind.Changed, "Civilingenjör, bygg", 4.0, 5.5), change);
    }

    [Fact]
    public void Occupations_are_matched_by_concept_so_a_new_one_is_added_and_a_dropped_one_removed()
    {
        var changes = MappingChanges.Between(Version(1), Version(2, m => m.Experience =
            [new WorkExperience { OccupationId = "bi", Label = "Byggnadsingenjör", Years = 1 }]));

        Assert.Equal(
            [new MappingChange(MappingField.Experience, ChangeKind.Added, "Byggnadsingenjör", After: 1.0),
             new MappingChange(MappingField.Experience, ChangeKind.Removed, "Civilingenjör, bygg", Before: 4.0)],
            changes);
    }

    [Fact]
    public void A_better_language_level_and_a_new_language_are_both_shown()
    {
        var changes = MappingChanges.Between(Version(1), Version(2, m =>
        {
            m.Languages[1].Level = LanguageLevel.Good;
            m.Languages.Add(new LanguageSkill { Code = "en", Level = LanguageLevel.Fluent });
        }));

        Assert.Equal(
            [new MappingChange(MappingField.Languages, ChangeKind.Changed, "sv", LanguageLevel.Basic, LanguageLevel.Good),
             new MappingChange(MappingField.Languages, ChangeKind.Added, "en", After: LanguageLevel.Fluent)],
            changes);
    }

    [Fact]
    public void Skills_are_compared_by_concept_id_so_a_renamed_label_is_no_change()
    {
        var renamed = MappingChanges.Between(Version(1), Version(2, m => m.Skills[0].Label = "CAD-ritning"));
        var replaced = MappingChanges.Between(Version(1), Version(2, m => m.Skills = [new ConceptRef { ConceptId = "truck", Label = "Truckkort" }]));

        Assert.Empty(renamed);
        Assert.Equal(
            [new MappingChange(MappingField.Skills, ChangeKind.Added, "Truckkort"), new MappingChange(MappingField.Skills, ChangeKind.Removed, "CAD-konstruktion")],
            replaced);
    }

    [Fact]
    public void Single_fields_are_added_changed_or_removed_with_their_values()
    {
        var changes = MappingChanges.Between(Version(1), Version(2, m =>
        {
            m.DegreeRecognition = DegreeRecognition.Recognised;
            m.Goals = null;
            m.Obstacles = "Barnomsorg saknas";
            m.DrivingLicences = ["B", "C"];
        }));

        Assert.Equal(
            [new MappingChange(MappingField.DegreeRecognition, ChangeKind.Changed, Before: DegreeRecognition.Applied, After: DegreeRecognition.Recognised),
             new MappingChange(MappingField.DrivingLicences, ChangeKind.Added, "C"),
             new MappingChange(MappingField.Goals, ChangeKind.Removed, Before: "Arbeta som byggnadsingenjör"),
             new MappingChange(MappingField.Obstacles, ChangeKind.Added, After: "Barnomsorg saknas")],
            changes);
    }
}
