namespace Brobygge.Matching;

/// <summary>
/// Ranks candidates for an opening. Exact max-score pruning: first every candidate who can get occupation or skill
/// points (the posting lists of the opening's SSYK 2-digit group and of its listed and related skills), scored fully;
/// the rest can only get the opening's <see cref="CompiledOpening.MaxOther"/> at most, less the location points they
/// cannot have, so they are scanned in tiers (same municipality, same county, everyone) only while a tier's bound could
/// still reach the current top N. A small scope (one organisation) is scanned from its own posting lists instead.
/// </summary>
internal static class CandidateRanking
{
    [ThreadStatic] private static int[]? t_marks;
    [ThreadStatic] private static int t_generation;

    public static IReadOnlyList<Match> Rank(Snapshot s, CompiledOpening o, ScopeFilter scope, int top, bool prune)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        var best = new TopN(top);
        foreach (var c in s.Delta)
            Consider(o, scope, c.View(), best, fromDelta: true, slot: -1);

        var columns = s.Base;
        if (!prune)
        {
            for (var slot = 0; slot < columns.Count; slot++)
                ConsiderSlot(s, o, scope, best, slot);
        }
        else if (columns.Count > 0)
        {
            var marks = Marks(columns.Count, out var generation);
            var scopeSize = 0L;
            if (scope.Owners is not null)
            {
                foreach (var key in scope.Keys)
                    scopeSize += columns.ByOwner.GetValueOrDefault(key)?.Length ?? 0;
            }
            if (scope.Owners is not null && scopeSize * 8 < columns.Count)
            {
                foreach (var key in scope.Keys)
                    Scan(s, o, scope, best, columns.ByOwner.GetValueOrDefault(key), marks, generation);
            }
            else
            {
                // Everyone who can get occupation or skill points.
                if (o.Group >= 0)
                    Scan(s, o, scope, best, columns.ByGroup2.GetValueOrDefault(o.Group / 100), marks, generation);
                else
                    Scan(s, o, scope, best, columns.ByUngroupedOccupation.GetValueOrDefault(o.Occupation), marks, generation);
                foreach (var skills in new[] { o.Required, o.Desired, o.Related })
                {
                    foreach (var skill in skills)
                        Scan(s, o, scope, best, columns.BySkill.GetValueOrDefault(skill), marks, generation);
                }

                // The rest, best bound first.
                var bound = o.MaxOther;
                if (o.Municipality >= 0)
                {
                    if (MayReach(best, bound))
                        Scan(s, o, scope, best, columns.ByPlace.GetValueOrDefault(o.Municipality), marks, generation);
                    bound -= Scoring.SameMunicipality - Scoring.SameCounty;
                    if (o.County >= 0 && MayReach(best, bound))
                        Scan(s, o, scope, best, columns.ByPlace.GetValueOrDefault(o.County), marks, generation);
                    bound -= Scoring.SameCounty;
                }
                if (MayReach(best, bound))
                {
                    for (var slot = 0; slot < columns.Count; slot++)
                    {
                        if (marks[slot] != generation)
                            ConsiderSlot(s, o, scope, best, slot);
                    }
                }
            }
        }
        return best.Results(entry => entry.FromDelta ? Explain(o, s.Delta.First(c => c.Id == entry.Id).View()) : Explain(o, columns.View(entry.Slot)), o.Id, candidatesRanked: true);
    }

    /// <summary>Whether a candidate with at most <paramref name="bound"/> points could still enter the top N: a score above
    /// zero, and not below the worst kept (an equal score may win on its id).</summary>
    private static bool MayReach(TopN best, int bound) => bound > 0 && (!best.Full || best.WorstScore <= bound);

    private static int[] Marks(int count, out int generation)
    {
        if (t_marks is null || t_marks.Length < count)
        {
            t_marks = new int[Math.Max(count, 1024)];
            t_generation = 0;
        }
        generation = ++t_generation;
        if (generation == int.MaxValue)
        {
            Array.Clear(t_marks);
            generation = t_generation = 1;
        }
        return t_marks;
    }

    private static void Scan(Snapshot s, CompiledOpening o, ScopeFilter scope, TopN best, int[]? slots, int[] marks, int generation)
    {
        if (slots is null)
            return;
        foreach (var slot in slots)
        {
            if (marks[slot] == generation)
                continue;
            marks[slot] = generation;
            ConsiderSlot(s, o, scope, best, slot);
        }
    }

    private static void ConsiderSlot(Snapshot s, CompiledOpening o, ScopeFilter scope, TopN best, int slot)
    {
        var columns = s.Base;
        if (s.IsDead(slot) || !Scoring.PassesQuick(o, columns.Swedish[slot], columns.Licences[slot])
            || !scope.Admits(columns.Active[slot], columns.Consent[slot], columns.Organisation[slot], columns.Projects(slot)))
            return;
        var view = columns.View(slot);
        var score = Scoring.Evaluate(o, view, null);
        if (score > 0)
            best.Offer(score, view.Id, fromDelta: false, slot);
    }

    private static void Consider(CompiledOpening o, ScopeFilter scope, scoped in CandidateView c, TopN best, bool fromDelta, int slot)
    {
        if (!scope.Admits(c.Active, c.Consent, c.Organisation, c.Projects))
            return;
        var score = Scoring.Evaluate(o, c, null);
        if (score > 0)
            best.Offer(score, c.Id, fromDelta, slot);
    }

    internal static Explanation Explain(CompiledOpening o, scoped in CandidateView c)
    {
        var reasons = new List<Reason>();
        Scoring.Evaluate(o, c, reasons);
        return new Explanation(reasons);
    }
}

/// <summary>Ranks open openings for a candidate: a scan of every opening (tens of thousands), scope and hard requirements first.</summary>
internal static class OpeningRanking
{
    public static IReadOnlyList<Match> Rank(Snapshot s, CompiledCandidate candidate, ScopeFilter scope, int top)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        var best = new TopN(top);
        var view = candidate.View();
        // The candidate must be one the viewer may consider; openings are limited to the viewer's organisations.
        if (!scope.Admits(view.Active, view.Consent, view.Organisation, view.Projects))
            return [];
        var openings = s.Openings;
        for (var i = 0; i < openings.Length; i++)
        {
            var o = openings[i];
            if (!o.Open || !scope.OwnerInScope(o.Organisation))
                continue;
            var score = Scoring.Evaluate(o, view, null);
            if (score > 0)
                best.Offer(score, o.Id, fromDelta: false, i);
        }
        return best.Results(entry => CandidateRanking.Explain(openings[entry.Slot], candidate.View()), candidate.Id, candidatesRanked: false);
    }
}

/// <summary>The best N by score, then by id (ascending) for equal scores: a min-heap whose root is the worst kept.</summary>
internal sealed class TopN(int size)
{
    public readonly record struct Entry(int Score, Guid Id, bool FromDelta, int Slot);

    private readonly Entry[] _heap = new Entry[size];
    private int _count;

    public bool Full => _count == _heap.Length;
    public int WorstScore => _heap[0].Score;

    /// <summary>Whether <paramref name="a"/> ranks below <paramref name="b"/>.</summary>
    private static bool Worse(in Entry a, in Entry b) => a.Score != b.Score ? a.Score < b.Score : a.Id.CompareTo(b.Id) > 0;

    public void Offer(int score, Guid id, bool fromDelta, int slot)
    {
        var entry = new Entry(score, id, fromDelta, slot);
        if (_count < _heap.Length)
        {
            var i = _count++;
            while (i > 0)
            {
                var parent = (i - 1) / 2;
                if (!Worse(entry, _heap[parent]))
                    break;
                _heap[i] = _heap[parent];
                i = parent;
            }
            _heap[i] = entry;
        }
        else if (Worse(_heap[0], entry))
        {
            var i = 0;
            while (true)
            {
                var child = 2 * i + 1;
                if (child >= _count)
                    break;
                if (child + 1 < _count && Worse(_heap[child + 1], _heap[child]))
                    child++;
                if (!Worse(_heap[child], entry))
                    break;
                _heap[i] = _heap[child];
                i = child;
            }
            _heap[i] = entry;
        }
    }

    public IReadOnlyList<Match> Results(Func<Entry, Explanation> explain, Guid other, bool candidatesRanked)
    {
        var entries = _heap.AsSpan(0, _count).ToArray();
        Array.Sort(entries, (a, b) => Worse(a, b) ? 1 : Worse(b, a) ? -1 : 0);
        return entries.Select(e => candidatesRanked
            ? new Match(e.Id, other, e.Score, explain(e))
            : new Match(other, e.Id, e.Score, explain(e))).ToArray();
    }
}
