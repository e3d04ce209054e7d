using System.Globalization;
using static Brobygge.Matching.Tests.RealData;

namespace Brobygge.Matching.Tests;

public sealed class ExplanationTests
{
    [Fact]
    public void An_explanation_reads_aloud_in_Swedish_and_in_English()
    {
        var opening = Opening(100, TeacherYears4To6) with
        {
            RequiredSkills = [EnglishTeaching, BiologyTeaching, ArtTeaching, TableService],
            MinimumSwedish = SwedishLevel.SfiC,
        };
        var candidate = Candidate(1, TeacherYears1To3) with { Skills = [EnglishTeaching, BiologyTeaching, TableService], Swedish = SwedishLevel.SfiD };
        var index = Index([candidate], [opening]);

        var explanation = Assert.Single(index.RankCandidates(Id(100), MatchScope.Everywhere)).Explanation;

        Assert.Equal("samma yrkesgrupp 2341; 3 av 4 krav på kompetens; svenska SFI D uppfyller C; kan börja från start", explanation.Swedish);
        Assert.Equal("same occupation group 2341; 3 of 4 required skills; Swedish SFI D meets C; available from the start", explanation.English);
        Assert.Equal(explanation.Swedish, explanation.In(CultureInfo.GetCultureInfo("sv-SE")));
        Assert.Equal(explanation.English, explanation.In(CultureInfo.GetCultureInfo("en-GB")));
    }

    [Fact]
    public void The_explanation_of_an_opening_for_a_candidate_is_the_same_as_of_the_candidate_for_the_opening()
    {
        var index = Index(
            [Candidate(1, TeacherYears4To6) with { Skills = [EnglishTeaching], HomeMunicipality = UpplandsVasby, DrivingLicences = DrivingLicences.B }],
            [Opening(100, TeacherYears1To3) with { DesiredSkills = [EnglishTeaching], Municipality = Stockholm, DesiredDrivingLicences = DrivingLicences.B }]);

        var forOpening = Assert.Single(index.RankCandidates(Id(100), MatchScope.Everywhere));
        var forCandidate = Assert.Single(index.RankOpenings(Id(1), MatchScope.Everywhere));

        Assert.Equal(forOpening.Score, forCandidate.Score);
        Assert.Equal(forOpening.Explanation.English, forCandidate.Explanation.English);
        Assert.Equal(
            "same occupation group 2341; 1 of 1 desired skills; Swedish SFI D; desired driving licence B; lives in the same county; available from the start",
            forCandidate.Explanation.English);
    }

    [Fact]
    public void Every_kind_of_reason_has_a_Swedish_and_an_English_phrase()
    {
        foreach (var kind in Enum.GetValues<ReasonKind>())
        {
            var reason = new Reason(kind, 2341, 2, "ar");
            var swedish = Phrases.Phrase(reason, english: false);
            var english = Phrases.Phrase(reason, english: true);
            Assert.NotEqual(kind.ToString(), swedish);
            Assert.NotEqual(kind.ToString(), english);
            Assert.NotEqual(swedish, english);
        }
    }
}
