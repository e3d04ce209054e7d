using static Brobygge.Matching.Tests.RealData;

namespace Brobygge.Matching.Tests;

/// <summary>Ranking on the real JobTech taxonomy (issue 15, item 9).</summary>
public sealed class RealTaxonomyRankingTests
{
    [Fact]
    public void The_taxonomy_files_give_occupation_groups_skill_relations_and_counties()
    {
        Assert.Equal(2341, Taxonomy.GroupOf(TeacherYears4To6));
        Assert.Equal(2343, Taxonomy.GroupOf(PreschoolTeacher));
        Assert.Contains(2341, Taxonomy.GroupsOfSkill(EnglishTeaching));
        Assert.DoesNotContain(2341, Taxonomy.GroupsOfSkill(TableService));
        Assert.Contains(EnglishTeaching, Taxonomy.SkillsOfGroup(2341));
        Assert.Equal("01", Taxonomy.CountyOf(UpplandsVasby));
        Assert.Equal("14", Taxonomy.CountyOf(Goteborg));
        Assert.True(Taxonomy.OccupationCount > 3000, $"only {Taxonomy.OccupationCount} occupations read");
    }

    [Fact]
    public void Same_occupation_outranks_same_group_which_outranks_3_and_2_digit_groups_and_unrelated_ones_come_last()
    {
        var index = Index(
            [
                Candidate(1, KitchenAssistant),
                Candidate(2, UpperSecondaryTeacher),
                Candidate(3, PreschoolTeacher),
                Candidate(4, TeacherYears1To3),
                Candidate(5, TeacherYears4To6),
            ],
            [Opening(100, TeacherYears4To6)]);

        var ranked = index.RankCandidates(Id(100), MatchScope.Everywhere);

        // The kitchen assistant still gets the availability points, so ranks last rather than dropping out.
        Assert.Equal([Id(5), Id(4), Id(3), Id(2), Id(1)], ranked.Select(m => m.CandidateId));
        Assert.StartsWith("samma yrke;", ranked[0].Explanation.Swedish, StringComparison.Ordinal);
        Assert.StartsWith("samma yrkesgrupp 2341;", ranked[1].Explanation.Swedish, StringComparison.Ordinal);
        Assert.StartsWith("samma yrkesgrupp på tresiffernivå 234;", ranked[2].Explanation.Swedish, StringComparison.Ordinal);
        Assert.StartsWith("samma yrkesområde 23;", ranked[3].Explanation.Swedish, StringComparison.Ordinal);
        Assert.DoesNotContain("yrke", ranked[4].Explanation.Swedish, StringComparison.Ordinal);
    }

    [Fact]
    public void A_candidate_experienced_in_an_occupation_gets_its_openings_above_same_group_ones_above_unrelated_ones()
    {
        var index = Index(
            [Candidate(1, TeacherYears4To6)],
            [Opening(100, KitchenAssistant), Opening(101, TeacherYears1To3), Opening(102, TeacherYears4To6)]);

        var ranked = index.RankOpenings(Id(1), MatchScope.Everywhere);

        Assert.Equal([Id(102), Id(101), Id(100)], ranked.Select(m => m.OpeningId));
        Assert.All(ranked, m => Assert.Equal(Id(1), m.CandidateId));
        Assert.True(ranked[0].Score > ranked[1].Score && ranked[1].Score > ranked[2].Score);
    }

    [Fact]
    public void A_required_skill_related_to_the_openings_SSYK_group_weighs_more_than_an_unrelated_one()
    {
        var opening = Opening(100, TeacherYears4To6) with { RequiredSkills = [EnglishTeaching, TableService] };
        var index = Index(
            [
                Candidate(1, TeacherYears4To6) with { Skills = [TableService] },
                Candidate(2, TeacherYears4To6) with { Skills = [EnglishTeaching] },
            ],
            [opening]);

        var ranked = index.RankCandidates(Id(100), MatchScope.Everywhere);

        Assert.Equal([Id(2), Id(1)], ranked.Select(m => m.CandidateId));
        Assert.Contains("1 av 2 krav på kompetens", ranked[0].Explanation.Swedish, StringComparison.Ordinal);
        Assert.Contains("1 av 2 krav på kompetens", ranked[1].Explanation.Swedish, StringComparison.Ordinal);
    }

    [Fact]
    public void Skills_of_the_openings_group_that_the_opening_does_not_list_still_count_a_little()
    {
        var index = Index(
            [
                Candidate(1, TeacherYears4To6),
                Candidate(2, TeacherYears4To6) with { Skills = [BiologyTeaching, TableService] },
            ],
            [Opening(100, TeacherYears4To6)]);

        var ranked = index.RankCandidates(Id(100), MatchScope.Everywhere);

        Assert.Equal([Id(2), Id(1)], ranked.Select(m => m.CandidateId));
        Assert.Contains("1 kompetens till inom yrkesgrupp 2341", ranked[0].Explanation.Swedish, StringComparison.Ordinal);
        Assert.Contains("1 more skill of occupation group 2341", ranked[0].Explanation.English, StringComparison.Ordinal);
    }

    [Fact]
    public void Home_municipality_ranks_same_municipality_over_same_county_over_elsewhere()
    {
        var index = Index(
            [
                Candidate(1, TeacherYears4To6) with { HomeMunicipality = Goteborg },
                Candidate(2, TeacherYears4To6) with { HomeMunicipality = UpplandsVasby },
                Candidate(3, TeacherYears4To6) with { HomeMunicipality = Stockholm },
            ],
            [Opening(100, TeacherYears4To6) with { Municipality = Stockholm }]);

        var ranked = index.RankCandidates(Id(100), MatchScope.Everywhere);

        Assert.Equal([Id(3), Id(2), Id(1)], ranked.Select(m => m.CandidateId));
        Assert.Contains("bor i samma kommun", ranked[0].Explanation.Swedish, StringComparison.Ordinal);
        Assert.Contains("bor i samma län", ranked[1].Explanation.Swedish, StringComparison.Ordinal);
        Assert.DoesNotContain("bor i", ranked[2].Explanation.Swedish, StringComparison.Ordinal);
    }

    [Fact]
    public void Education_and_availability_add_to_the_score()
    {
        var opening = Opening(100, TeacherYears4To6) with { MinimumEducationLevel = 6, StartsOn = new DateOnly(2027, 1, 10), HoursPerWeek = 30 };
        var index = Index(
            [
                Candidate(1, TeacherYears4To6) with { EducationLevel = 4, AvailableFrom = new DateOnly(2027, 3, 1), HoursPerWeek = 20 },
                Candidate(2, TeacherYears4To6) with { EducationLevel = 6, AvailableFrom = new DateOnly(2027, 1, 1), HoursPerWeek = 40 },
            ],
            [opening]);

        var ranked = index.RankCandidates(Id(100), MatchScope.Everywhere);

        Assert.Equal([Id(2), Id(1)], ranked.Select(m => m.CandidateId));
        Assert.Equal(Scoring.Education + Scoring.AvailableFromStart + Scoring.Hours, ranked[0].Score - ranked[1].Score);
        Assert.Contains("utbildning ISCED 6 uppfyller 6; kan börja från start; 40 timmar i veckan, 30 efterfrågas", ranked[0].Explanation.Swedish, StringComparison.Ordinal);
        Assert.EndsWith("kan börja 2027-03-01", ranked[1].Explanation.Swedish, StringComparison.Ordinal);
    }
}
