using static Brobygge.Matching.Tests.RealData;

namespace Brobygge.Matching.Tests;

public sealed class HardRequirementTests
{
    private static readonly Opening Strict = Opening(100, TeacherYears4To6) with
    {
        MinimumSwedish = SwedishLevel.SfiD,
        RequiredDrivingLicences = DrivingLicences.B,
        Languages = [new LanguageRequirement("ar", LanguageLevel.Good, Required: true)],
    };

    private static Candidate Meeting(int id) => Candidate(id, TeacherYears4To6) with
    {
        Swedish = SwedishLevel.SfiD,
        DrivingLicences = DrivingLicences.B | DrivingLicences.AM,
        Languages = [new SpokenLanguage("ar", LanguageLevel.Native)],
    };

    [Fact]
    public void A_candidate_below_any_hard_requirement_is_not_ranked_however_well_they_score_otherwise()
    {
        var index = Index(
            [
                Meeting(1) with { OccupationsExperienced = [PreschoolTeacher] },
                Meeting(2) with { Swedish = SwedishLevel.SfiC, HomeMunicipality = Stockholm },
                Meeting(3) with { DrivingLicences = DrivingLicences.AM },
                Meeting(4) with { Languages = [new SpokenLanguage("ar", LanguageLevel.Basic)] },
                Meeting(5) with { Languages = [new SpokenLanguage("so", LanguageLevel.Native)] },
            ],
            [Strict]);

        var ranked = index.RankCandidates(Id(100), MatchScope.Everywhere);

        Assert.Equal([Id(1)], ranked.Select(m => m.CandidateId));
        Assert.Equal(
            "samma yrkesgrupp på tresiffernivå 234; svenska SFI D uppfyller D; talar kravspråken ar; körkort B; kan börja från start",
            ranked[0].Explanation.Swedish);
    }

    [Fact]
    public void Hard_requirements_also_filter_the_openings_suggested_to_a_candidate()
    {
        var index = Index(
            [Meeting(1) with { Swedish = SwedishLevel.SfiB }],
            [Strict, Opening(101, KitchenAssistant) with { MinimumSwedish = SwedishLevel.SfiA }]);

        Assert.Equal([Id(101)], index.RankOpenings(Id(1), MatchScope.Everywhere).Select(m => m.OpeningId));
    }

    [Fact]
    public void Closed_openings_and_openings_without_positions_are_not_suggested()
    {
        var index = Index(
            [Candidate(1, TeacherYears4To6)],
            [
                Opening(100, TeacherYears4To6) with { Open = false },
                Opening(101, TeacherYears4To6) with { Positions = 0 },
                Opening(102, KitchenAssistant),
            ]);

        Assert.Equal([Id(102)], index.RankOpenings(Id(1), MatchScope.Everywhere).Select(m => m.OpeningId));
    }
}
