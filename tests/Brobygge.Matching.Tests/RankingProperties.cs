using FsCheck;
using FsCheck.Fluent;

namespace Brobygge.Matching.Tests;

/// <summary>
/// Properties of the ranking, checked with FsCheck over worlds drawn from the real taxonomy (fixed seed, so every run
/// checks the same cases). Each case is a seed for <see cref="RandomWorld"/>, a number of candidates and a top N.
/// </summary>
public sealed class RankingProperties
{
    private const ulong Seed = 20261127, Gamma = 0x9E3779B97F4A7C15;
    private static Config Cases(int count) => Config.QuickThrowOnFailure.WithMaxTest(count).WithReplay(Seed, Gamma).WithQuietOnSuccess(true);

    private static readonly Arbitrary<(int Seed, int Candidates, int Top)> Worlds = Arb.From(
        from seed in Gen.Choose(0, int.MaxValue - 1)
        from candidates in Gen.Choose(0, 400)
        from top in Gen.Choose(1, 30)
        select (seed, candidates, top));

    private static (MatchIndex Index, RandomWorld World, Candidate[] Candidates, Opening[] Openings) Make((int Seed, int Candidates, int Top) c)
    {
        var world = new RandomWorld(c.Seed);
        var candidates = Enumerable.Range(1, c.Candidates).Select(world.Candidate).ToArray();
        var openings = Enumerable.Range(10_001, 40).Select(world.Opening).ToArray();
        return (RealData.Index(candidates, openings), world, candidates, openings);
    }

    /// <summary>Every admitted candidate with a score above zero, in rank order, computed here without the index.</summary>
    private static List<(Guid Id, int Score)> Expected(MatchIndex index, Candidate[] candidates, Opening opening, MatchScope scope)
    {
        var compiler = new Compiler(index.Taxonomy);
        var o = compiler.Compile(opening);
        return candidates.Where(scope.Admits)
            .Select(c => (c.Id, Score: Scoring.Evaluate(o, compiler.Compile(c).View(), null)))
            .Where(p => p.Score > 0)
            .OrderByDescending(p => p.Score).ThenBy(p => p.Id)
            .ToList();
    }

    [Fact]
    public void The_ranking_is_the_top_N_of_a_total_order_by_score_then_id_of_every_admitted_candidate()
    {
        Prop.ForAll(Worlds, c =>
        {
            var (index, world, candidates, openings) = Make(c);
            foreach (var opening in openings)
            {
                var scope = world.Scope();
                var ranked = index.RankCandidates(opening.Id, scope, c.Top);
                var expected = Expected(index, candidates, opening, scope).Take(c.Top);
                Assert.Equal(expected, ranked.Select(m => (m.CandidateId, m.Score)));
            }
        }).Check(Cases(60));
    }

    [Fact]
    public void The_quick_bound_is_never_below_the_score_and_the_explained_score_is_the_score()
    {
        Prop.ForAll(Worlds, c =>
        {
            var (index, _, candidates, openings) = Make(c);
            var compiler = new Compiler(index.Taxonomy);
            foreach (var opening in openings.Select(compiler.Compile))
            {
                foreach (var candidate in candidates.Take(50).Select(compiler.Compile))
                {
                    var score = Scoring.Evaluate(opening, candidate.View(), null);
                    var reasons = new List<Reason>();
                    Assert.Equal(score, Scoring.Evaluate(opening, candidate.View(), reasons));
                    if (score >= 0)
                        Assert.True(Scoring.Bound(opening, candidate.View()) >= score, $"bound below {score}");
                }
            }
        }).Check(Cases(30));
    }

    [Fact]
    public void The_pruned_ranking_equals_the_full_scan()
    {
        Prop.ForAll(Worlds, c =>
        {
            var (index, world, _, openings) = Make(c);
            foreach (var opening in openings)
            {
                var scope = world.Scope();
                Assert.Equal(
                    index.RankCandidatesByFullScan(opening.Id, scope, c.Top).Select(m => (m.CandidateId, m.Score, m.Explanation.Swedish)),
                    index.RankCandidates(opening.Id, scope, c.Top).Select(m => (m.CandidateId, m.Score, m.Explanation.Swedish)));
            }
        }).Check(Cases(60));
    }

    [Fact]
    public void The_pruned_ranking_of_openings_equals_the_full_scan()
    {
        Prop.ForAll(Worlds, c =>
        {
            var (index, world, candidates, _) = Make(c);
            foreach (var candidate in candidates.Take(30))
            {
                var scope = world.Scope();
                Assert.Equal(
                    index.RankOpeningsByFullScan(candidate.Id, scope, c.Top).Select(m => (m.OpeningId, m.Score, m.Explanation.English)),
                    index.RankOpenings(candidate.Id, scope, c.Top).Select(m => (m.OpeningId, m.Score, m.Explanation.English)));
            }
        }).Check(Cases(60));
    }

    [Fact]
    public void Adding_a_candidate_out_of_scope_never_changes_the_results()
    {
        Prop.ForAll(Worlds, c =>
        {
            var (index, world, _, openings) = Make(c);
            var scope = MatchScope.Of([RandomWorld.Organisations[0]], []);
            var before = openings.Select(o => index.RankCandidates(o.Id, scope, c.Top).Select(m => (m.CandidateId, m.Score)).ToList()).ToList();

            // Another organisation's candidate who would top every list, and an inactive one of ours.
            foreach (var opening in openings)
            {
                index.Upsert(world.Candidate(50_000 + world.Next(1000)) with
                {
                    Id = RealData.Id(-1 - world.Next(1000)),
                    Organisation = RandomWorld.Organisations[1],
                    Projects = [],
                    Active = true,
                    OccupationsExperienced = [opening.Occupation],
                    Skills = [.. opening.RequiredSkills, .. opening.DesiredSkills],
                    Swedish = SwedishLevel.Fluent,
                    DrivingLicences = DrivingLicences.B,
                });
            }
            index.Upsert(world.Candidate(60_000) with { Organisation = RandomWorld.Organisations[0], Active = false });

            var after = openings.Select(o => index.RankCandidates(o.Id, scope, c.Top).Select(m => (m.CandidateId, m.Score)).ToList()).ToList();
            Assert.Equal(before, after);
        }).Check(Cases(40));
    }

    [Fact]
    public void Results_do_not_depend_on_the_order_candidates_were_added_nor_on_compaction()
    {
        Prop.ForAll(Worlds, c =>
        {
            var (loaded, world, candidates, openings) = Make(c);
            var incremental = new MatchIndex(RealData.Taxonomy) { CompactionThreshold = 16 };
            foreach (var opening in openings)
                incremental.Upsert(opening);
            foreach (var candidate in candidates.Reverse())
                incremental.Upsert(candidate);
            // Replace a few with themselves and remove one and add it back: nothing may change.
            foreach (var candidate in candidates.Where((_, i) => i % 7 == 0))
                incremental.Upsert(candidate);
            if (candidates.Length > 0)
            {
                incremental.RemoveCandidate(candidates[0].Id);
                incremental.Upsert(candidates[0]);
            }

            Assert.Equal(loaded.CandidateCount, incremental.CandidateCount);
            foreach (var opening in openings)
            {
                var scope = world.Scope();
                Assert.Equal(
                    loaded.RankCandidates(opening.Id, scope, c.Top).Select(m => (m.CandidateId, m.Score)),
                    incremental.RankCandidates(opening.Id, scope, c.Top).Select(m => (m.CandidateId, m.Score)));
            }
            foreach (var candidate in candidates.Take(10))
            {
                Assert.Equal(
                    loaded.RankOpenings(candidate.Id, MatchScope.Everywhere, c.Top).Select(m => (m.OpeningId, m.Score)),
                    incremental.RankOpenings(candidate.Id, MatchScope.Everywhere, c.Top).Select(m => (m.OpeningId, m.Score)));
            }
        }).Check(Cases(40));
    }

    [Fact]
    public void Openings_for_a_candidate_are_the_top_N_of_every_open_opening_in_scope_by_score_then_id()
    {
        Prop.ForAll(Worlds, c =>
        {
            var (index, world, candidates, openings) = Make(c);
            var compiler = new Compiler(index.Taxonomy);
            foreach (var candidate in candidates.Take(20))
            {
                var scope = world.Scope();
                var view = compiler.Compile(candidate);
                var expected = !scope.Admits(candidate)
                    ? []
                    : openings.Where(o => o.Open && o.Positions > 0 && (scope.IsEverywhere || (scope.OpeningOrganisations.Count > 0 ? scope.OpeningOrganisations : scope.Organisations).Contains(o.Organisation)))
                        .Select(o => (o.Id, Score: Scoring.Evaluate(compiler.Compile(o), view.View(), null)))
                        .Where(p => p.Score > 0)
                        .OrderByDescending(p => p.Score).ThenBy(p => p.Id)
                        .Take(c.Top).ToList();
                Assert.Equal(expected, index.RankOpenings(candidate.Id, scope, c.Top).Select(m => (m.OpeningId, m.Score)));
            }
        }).Check(Cases(40));
    }
}
