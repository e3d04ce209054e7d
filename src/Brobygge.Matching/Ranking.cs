namespace Brobygge.Matching;

/// <summary>
/// Ranks candidates for an opening with exact max-score pruning over posting lists: the candidates of the opening's
/// occupation, then of its SSYK 4-, 3-digit group, then those holding a skill it lists, its 2-digit group, a skill
/// related to its group, and last by where they live. Each stage carries the most points anyone not yet scored can get;
/// once the worst of the top N beats it (an equal score may still win on its id), the rest is never looked at. A small
/// scope (one organisation) is scanned from its own posting lists instead. The result equals a full scan's.
/// </summary>
internal static class CandidateRanking
{
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
                ConsiderSlot(s, o, scope, best, slot, skipByBound: false);
        }
        else if (columns.Count > 0)
        {
            var marks = Marks.Rent(columns.Count);
            var scopeSize = 0L;
            if (scope.Owners is not null)
            {
                foreach (var key in scope.Keys)
                    scopeSize += columns.ByOwner.GetValueOrDefault(key)?.Length ?? 0;
            }
            if (scope.Owners is not null && scopeSize * 8 < columns.Count)
            {
                foreach (var key in scope.Keys)
                    Scan(s, o, scope, best, columns.ByOwner.GetValueOrDefault(key), marks);
            }
            else
            {
                foreach (var (bound, lists) in Stages(o, columns))
                {
                    // Every candidate not yet scored can get at most this stage's bound: stop when none could enter.
                    if (!MayReach(best, bound))
                        break;
                    if (lists is null)
                    {
                        for (var slot = 0; slot < columns.Count; slot++)
                        {
                            if (!Marks.IsSet(marks, slot))
                                ConsiderSlot(s, o, scope, best, slot, skipByBound: true);
                        }
                        break;
                    }
                    foreach (var list in lists)
                        Scan(s, o, scope, best, list, marks);
                }
            }
        }
        return best.Results(entry => entry.FromDelta ? Explain(o, s.Delta.First(c => c.Id == entry.Id).View()) : Explain(o, columns.View(entry.Slot)), o.Id, candidatesRanked: true);
    }

    /// <summary>
    /// The posting lists to score, in order, each with the most points any candidate not scored before it can get: the
    /// bounds fall from stage to stage, so once the top N's worst beats a bound, nobody left can enter. The last stage,
    /// <c>null</c>, is everyone else.
    /// </summary>
    private static IEnumerable<(int Bound, IEnumerable<int[]?>? Lists)> Stages(CompiledOpening o, CandidateColumns c)
    {
        var related = o.Related.Length > 0 ? Scoring.RelatedSkillsMax : 0;
        var skills = o.MaxSkills;
        var other = o.MaxOther;
        var listed = o.Required.Concat(o.Desired).Select(c.BySkill.GetValueOrDefault);
        yield return (Scoring.SameOccupation + skills + other, [c.ByOccupation.GetValueOrDefault(o.Occupation)]);
        if (o.Group >= 0)
        {
            yield return (Scoring.SameGroup4 + skills + other, [c.ByGroup4.GetValueOrDefault(o.Group)]);
            yield return (Scoring.SameGroup3 + skills + other, [c.ByGroup3.GetValueOrDefault(o.Group / 10)]);
            // Left: at most the 2-digit group's points.
            yield return (Scoring.SameGroup2 + skills + other, listed);
            // Left: no listed skill either.
            yield return (Scoring.SameGroup2 + related + other, [c.ByGroup2.GetValueOrDefault(o.Group / 100)]);
        }
        else
        {
            yield return (skills + other, listed);
        }
        // Left: no occupation points.
        yield return (related + other, o.Related.Select(c.BySkill.GetValueOrDefault));
        // Left: no occupation or skill points; then by where they live.
        if (o.Municipality >= 0)
        {
            yield return (other, [c.ByPlace.GetValueOrDefault(o.Municipality)]);
            yield return (other - Scoring.SameMunicipality + Scoring.SameCounty, [o.County >= 0 ? c.ByPlace.GetValueOrDefault(o.County) : null]);
            yield return (other - Scoring.SameMunicipality, null);
        }
        else
        {
            yield return (other, null);
        }
    }

    /// <summary>Whether a candidate with at most <paramref name="bound"/> points could still enter the top N: a score above
    /// zero, and not below the worst kept (an equal score may win on its id).</summary>
    private static bool MayReach(TopN best, int bound) => bound > 0 && (!best.Full || best.WorstScore <= bound);

    private static void Scan(Snapshot s, CompiledOpening o, ScopeFilter scope, TopN best, int[]? slots, ulong[] marks)
    {
        if (slots is null)
            return;
        foreach (var slot in slots)
        {
            if (Marks.TrySet(marks, slot))
                ConsiderSlot(s, o, scope, best, slot, skipByBound: true);
        }
    }

    private static void ConsiderSlot(Snapshot s, CompiledOpening o, ScopeFilter scope, TopN best, int slot, bool skipByBound)
    {
        var columns = s.Base;
        if (s.IsDead(slot) || !Scoring.PassesQuick(o, columns.Swedish[slot], columns.Licences[slot])
            || !scope.Admits(columns.Active[slot], columns.Consent[slot], columns.Organisation[slot], columns.Projects(slot)))
            return;
        var view = columns.View(slot);
        // Skip the skill merges of one who cannot enter (an equal score might, on its id).
        if (skipByBound && best.Full && Scoring.Bound(o, view) < best.WorstScore)
            return;
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

/// <summary>
/// Ranks open openings for a candidate, pruned like <see cref="CandidateRanking"/>: the openings of the candidate's
/// occupations, of their SSYK 4- and 3-digit groups, those listing a skill the candidate has, of their 2-digit groups,
/// of a group one of the candidate's skills is related to, and last by place; each stage with the most points any
/// opening not yet scored can give.
/// </summary>
internal static class OpeningRanking
{

    public static IReadOnlyList<Match> Rank(Snapshot s, Compiler compiler, CompiledCandidate candidate, ScopeFilter scope, int top, bool prune)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        var best = new TopN(top);
        var view = candidate.View();
        // The candidate must be one the viewer may consider; openings are limited to the viewer's organisations.
        if (!scope.Admits(view.Active, view.Consent, view.Organisation, view.Projects))
            return [];
        foreach (var o in s.OpeningDelta)
            Consider(o, scope, view, best, fromDelta: true, -1, skipByBound: false);
        var table = s.OpeningBase;
        var items = table.Items;
        if (!prune)
        {
            for (var slot = 0; slot < items.Length; slot++)
            {
                if (!s.IsOpeningDead(slot))
                    Consider(items[slot], scope, view, best, fromDelta: false, slot, skipByBound: false);
            }
        }
        else if (items.Length > 0)
        {
            var marks = Marks.Rent(items.Length);
            foreach (var (bound, lists) in Stages(table, compiler, candidate))
            {
                if (!(bound > 0 && (!best.Full || best.WorstScore <= bound)))
                    break;
                if (lists is null)
                {
                    for (var slot = 0; slot < items.Length; slot++)
                    {
                        if (!Marks.IsSet(marks, slot) && !s.IsOpeningDead(slot))
                            Consider(items[slot], scope, view, best, fromDelta: false, slot, skipByBound: true);
                    }
                    break;
                }
                foreach (var list in lists)
                {
                    if (list is null)
                        continue;
                    foreach (var slot in list)
                    {
                        if (Marks.TrySet(marks, slot) && !s.IsOpeningDead(slot))
                            Consider(items[slot], scope, view, best, fromDelta: false, slot, skipByBound: true);
                    }
                }
            }
        }
        return best.Results(
            entry => CandidateRanking.Explain(entry.FromDelta ? s.OpeningDelta.First(o => o.Id == entry.Id) : items[entry.Slot], candidate.View()),
            candidate.Id, candidatesRanked: false);
    }

    private static void Consider(CompiledOpening o, ScopeFilter scope, scoped in CandidateView c, TopN best, bool fromDelta, int slot, bool skipByBound)
    {
        if (!o.Open || !scope.OpeningInScope(o.Organisation) || (skipByBound && best.Full && Scoring.Bound(o, c) < best.WorstScore))
            return;
        var score = Scoring.Evaluate(o, c, null);
        if (score > 0)
            best.Offer(score, o.Id, fromDelta, slot);
    }

    private static IEnumerable<(int Bound, IEnumerable<int[]?>? Lists)> Stages(OpeningTable t, Compiler compiler, CompiledCandidate c)
    {
        const int Skills = Scoring.RequiredSkills + Scoring.DesiredSkills + Scoring.RelatedSkillsMax;
        var other = t.MaxOtherButPlace + Scoring.SameMunicipality;
        var groups = c.Groups.Where(g => g >= 0).Distinct().ToArray();
        yield return (Scoring.SameOccupation + Skills + other, c.Occupations.Select(t.ByOccupation.GetValueOrDefault));
        yield return (Scoring.SameGroup4 + Skills + other, groups.Select(t.ByGroup4.GetValueOrDefault));
        yield return (Scoring.SameGroup3 + Skills + other, groups.Select(g => g / 10).Distinct().Select(t.ByGroup3.GetValueOrDefault));
        // Left: at most the 2-digit group's points.
        yield return (Scoring.SameGroup2 + Skills + other, c.Skills.Select(t.BySkill.GetValueOrDefault));
        // Left: no listed skill either.
        yield return (Scoring.SameGroup2 + Scoring.RelatedSkillsMax + other, groups.Select(g => g / 100).Distinct().Select(t.ByGroup2.GetValueOrDefault));
        // Left: no occupation points; a skill related to the opening's group is all that may count.
        yield return (Scoring.RelatedSkillsMax + other,
            c.Skills.SelectMany(compiler.GroupsOfSkill).Distinct().Select(t.ByGroup4.GetValueOrDefault));
        // Left: no occupation or skill points; then by where the candidate lives.
        if (c.Municipality >= 0)
        {
            yield return (other, [t.ByPlace.GetValueOrDefault(c.Municipality)]);
            yield return (t.MaxOtherButPlace + Scoring.SameCounty, [c.County >= 0 ? t.ByPlace.GetValueOrDefault(c.County) : null]);
        }
        yield return (t.MaxOtherButPlace, null);
    }
}

/// <summary>
/// Which slots a query has scored: a bit set per thread, cleared for each query (125 kB per million slots, a few
/// microseconds to clear), so concurrent queries never share one and memory stays small however many threads ask.
/// </summary>
internal static class Marks
{
    [ThreadStatic] private static ulong[]? t_bits;

    public static ulong[] Rent(int count)
    {
        var words = (count + 63) / 64;
        if (t_bits is null || t_bits.Length < words)
            t_bits = new ulong[words];
        else
            Array.Clear(t_bits, 0, words);
        return t_bits;
    }

    public static bool IsSet(ulong[] bits, int slot) => (bits[slot >> 6] & (1UL << slot)) != 0;

    /// <summary>Sets the slot's bit; whether it was clear before.</summary>
    public static bool TrySet(ulong[] bits, int slot)
    {
        ref var word = ref bits[slot >> 6];
        var bit = 1UL << slot;
        if ((word & bit) != 0)
            return false;
        word |= bit;
        return true;
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
