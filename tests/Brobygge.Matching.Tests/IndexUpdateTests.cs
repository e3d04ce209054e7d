using static Brobygge.Matching.Tests.RealData;

namespace Brobygge.Matching.Tests;

public sealed class IndexUpdateTests
{
    [Fact]
    public void Equal_scores_are_ordered_by_id_whatever_the_order_they_were_added_in()
    {
        int[] ids = [7, 3, 9, 1, 5];
        var forwards = Index(ids.Select(i => Candidate(i, TeacherYears1To3)), [Opening(100, TeacherYears4To6)]);
        var backwards = new MatchIndex(Taxonomy);
        backwards.Upsert(Opening(100, TeacherYears4To6));
        foreach (var i in ids.Reverse())
            backwards.Upsert(Candidate(i, TeacherYears1To3));

        Assert.Equal([Id(1), Id(3), Id(5), Id(7), Id(9)], forwards.RankCandidates(Id(100), MatchScope.Everywhere).Select(m => m.CandidateId));
        Assert.Equal([Id(1), Id(3), Id(5), Id(7), Id(9)], backwards.RankCandidates(Id(100), MatchScope.Everywhere).Select(m => m.CandidateId));
        Assert.Equal([Id(1), Id(3)], forwards.RankCandidates(Id(100), MatchScope.Everywhere, top: 2).Select(m => m.CandidateId));
    }

    [Fact]
    public void A_candidate_can_be_added_replaced_and_removed_and_the_next_ranking_follows()
    {
        var index = Index([Candidate(1, TeacherYears1To3)], [Opening(100, TeacherYears4To6)]);

        index.Upsert(Candidate(2, TeacherYears4To6));
        Assert.Equal([Id(2), Id(1)], index.RankCandidates(Id(100), MatchScope.Everywhere).Select(m => m.CandidateId));

        index.Upsert(Candidate(1, TeacherYears4To6) with { HomeMunicipality = Stockholm });
        index.Upsert(Opening(100, TeacherYears4To6) with { Municipality = Stockholm });
        Assert.Equal([Id(1), Id(2)], index.RankCandidates(Id(100), MatchScope.Everywhere).Select(m => m.CandidateId));

        Assert.True(index.RemoveCandidate(Id(1)));
        Assert.False(index.RemoveCandidate(Id(1)));
        Assert.Equal([Id(2)], index.RankCandidates(Id(100), MatchScope.Everywhere).Select(m => m.CandidateId));
        Assert.Equal(1, index.CandidateCount);
        Assert.Empty(index.RankOpenings(Id(1), MatchScope.Everywhere));
    }

    [Fact]
    public void An_opening_can_be_added_replaced_and_removed()
    {
        var index = Index([Candidate(1, TeacherYears4To6)], [Opening(100, KitchenAssistant), Opening(101, TeacherYears1To3)]);

        index.Upsert(Opening(102, TeacherYears4To6));
        index.Upsert(Opening(100, TeacherYears4To6) with { Open = false });
        Assert.Equal([Id(102), Id(101)], index.RankOpenings(Id(1), MatchScope.Everywhere).Select(m => m.OpeningId));

        Assert.True(index.RemoveOpening(Id(102)));
        Assert.False(index.RemoveOpening(Id(102)));
        Assert.Equal([Id(101)], index.RankOpenings(Id(1), MatchScope.Everywhere).Select(m => m.OpeningId));
        Assert.Empty(index.RankCandidates(Id(102), MatchScope.Everywhere));
        Assert.Equal(2, index.OpeningCount);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Compaction_keeps_every_live_candidate_and_opening_and_drops_the_removed_ones(bool inForeground)
    {
        var index = new MatchIndex(Taxonomy) { CompactionThreshold = 4, CompactInForeground = inForeground };
        for (var i = 1; i <= 20; i++)
        {
            index.Upsert(Opening(100 + i, TeacherYears4To6));
            index.Upsert(Candidate(i, i % 2 == 0 ? TeacherYears4To6 : TeacherYears1To3));
        }
        for (var i = 1; i <= 20; i += 3)
        {
            index.RemoveCandidate(Id(i));
            index.RemoveOpening(Id(100 + i));
        }
        index.Upsert(Candidate(2, KitchenAssistant));

        var expected = Enumerable.Range(1, 20).Where(i => (i - 1) % 3 != 0 && i != 2).OrderBy(i => i % 2 == 0 ? 0 : 1).ThenBy(i => i).Select(Id).Append(Id(2));
        Assert.Equal(expected, index.RankCandidates(Id(102), MatchScope.Everywhere, top: 50).Select(m => m.CandidateId));
        await index.CompactionFinished;
        Assert.Equal(expected, index.RankCandidates(Id(102), MatchScope.Everywhere, top: 50).Select(m => m.CandidateId));
        Assert.Equal(13, index.CandidateCount);
        Assert.Equal(13, index.OpeningCount);
        Assert.Equal(Enumerable.Range(1, 20).Where(i => (i - 1) % 3 != 0).Select(i => Id(100 + i)),
            index.RankOpenings(Id(6), MatchScope.Everywhere, top: 50).Select(m => m.OpeningId));
    }

    [Fact]
    public async Task Readers_ranking_while_a_writer_adds_candidates_always_see_a_whole_snapshot()
    {
        var index = new MatchIndex(Taxonomy) { CompactionThreshold = 64 };
        index.Upsert(Opening(100, TeacherYears4To6));
        const int Added = 2000;
        using var done = new CancellationTokenSource();

        // Each reader checks that what it sees only grows and is always a prefix of the ids added so far (added in order).
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            var seen = 0;
            while (!done.IsCancellationRequested)
            {
                var ranked = index.RankCandidates(Id(100), MatchScope.Everywhere, top: Added);
                Assert.True(ranked.Count >= seen, $"saw {ranked.Count} after {seen}");
                Assert.Equal(Enumerable.Range(1, ranked.Count).Select(Id), ranked.Select(m => m.CandidateId));
                seen = ranked.Count;
            }
            return seen;
        })).ToArray();

        for (var i = 1; i <= Added; i++)
            index.Upsert(Candidate(i, TeacherYears4To6));
        await done.CancelAsync();
        await Task.WhenAll(readers);

        Assert.Equal(Added, index.RankCandidates(Id(100), MatchScope.Everywhere, top: Added).Count);
    }
}
