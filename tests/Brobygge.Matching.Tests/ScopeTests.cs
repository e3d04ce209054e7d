using static Brobygge.Matching.Tests.RealData;

namespace Brobygge.Matching.Tests;

[Trait("Category", "Security")]
public sealed class ScopeTests
{
    [Fact]
    public void The_scope_filters_before_the_top_N_so_strong_candidates_elsewhere_never_empty_it()
    {
        // 100 candidates of another organisation who score best, then 30 of ours who score less.
        var strong = Enumerable.Range(1, 100).Select(i => Candidate(i, TeacherYears4To6) with { Organisation = OtherOrganisation });
        var ours = Enumerable.Range(1001, 30).Select(i => Candidate(i, UpperSecondaryTeacher));
        var index = Index([.. strong, .. ours], [Opening(100, TeacherYears4To6)]);

        var ranked = index.RankCandidates(Id(100), MatchScope.Of([Organisation], []), top: 20);

        Assert.Equal(Enumerable.Range(1001, 20).Select(Id), ranked.Select(m => m.CandidateId));
    }

    [Fact]
    public void A_project_in_the_scope_admits_its_participants_of_any_organisation()
    {
        var index = Index(
            [
                Candidate(1, TeacherYears4To6) with { Organisation = OtherOrganisation, Projects = [Project] },
                Candidate(2, TeacherYears4To6) with { Organisation = OtherOrganisation },
            ],
            [Opening(100, TeacherYears4To6)]);

        Assert.Equal([Id(1)], index.RankCandidates(Id(100), MatchScope.Of([], [Project])).Select(m => m.CandidateId));
    }

    [Fact]
    public void Inactive_candidates_are_never_ranked()
    {
        var index = Index([Candidate(1, TeacherYears4To6) with { Active = false }, Candidate(2, KitchenAssistant)], [Opening(100, TeacherYears4To6)]);

        Assert.Equal([Id(2)], index.RankCandidates(Id(100), MatchScope.Everywhere).Select(m => m.CandidateId));
        Assert.Empty(index.RankOpenings(Id(1), MatchScope.Everywhere));
    }

    [Fact]
    public void An_employer_liaison_sees_only_candidates_with_the_presentation_consent()
    {
        var index = Index(
            [Candidate(1, TeacherYears4To6) with { PresentationConsent = false }, Candidate(2, TeacherYears1To3)],
            [Opening(100, TeacherYears4To6)]);
        var coach = MatchScope.Of([Organisation], []);
        var liaison = coach with { ForEmployerLiaison = true };

        Assert.Equal([Id(1), Id(2)], index.RankCandidates(Id(100), coach).Select(m => m.CandidateId));
        Assert.Equal([Id(2)], index.RankCandidates(Id(100), liaison).Select(m => m.CandidateId));
        Assert.Empty(index.RankOpenings(Id(1), liaison));
    }

    [Fact]
    public void Openings_for_a_candidate_come_only_from_the_organisations_in_scope_and_only_for_a_candidate_in_scope()
    {
        var index = Index(
            [Candidate(1, TeacherYears4To6)],
            [Opening(100, TeacherYears4To6) with { Organisation = OtherOrganisation }, Opening(101, TeacherYears1To3)]);

        Assert.Equal([Id(101)], index.RankOpenings(Id(1), MatchScope.Of([Organisation], [])).Select(m => m.OpeningId));
        Assert.Empty(index.RankOpenings(Id(1), MatchScope.Of([OtherOrganisation], [])));
    }

    [Fact]
    public void A_coach_of_a_project_gets_openings_of_the_organisations_named_for_openings()
    {
        var index = Index(
            [Candidate(1, TeacherYears4To6) with { Organisation = OtherOrganisation, Projects = [Project] }],
            [Opening(100, TeacherYears4To6), Opening(101, TeacherYears4To6) with { Organisation = OtherOrganisation }]);
        var coach = MatchScope.Of([], [Project]);

        Assert.Empty(index.RankOpenings(Id(1), coach));
        Assert.Equal([Id(100)], index.RankOpenings(Id(1), coach with { OpeningOrganisations = new HashSet<Guid> { Organisation } }).Select(m => m.OpeningId));
    }

    [Fact]
    public void A_scope_of_organisations_the_index_has_never_seen_admits_no_one()
    {
        var index = Index([Candidate(1, TeacherYears4To6)], [Opening(100, TeacherYears4To6)]);

        Assert.Empty(index.RankCandidates(Id(100), MatchScope.Of([Guid.NewGuid()], [])));
    }
}
