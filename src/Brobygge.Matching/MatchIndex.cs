using System.Collections.Immutable;

namespace Brobygge.Matching;

/// <summary>A ranked result: the candidate, the opening, the score and why.</summary>
public sealed record Match(Guid CandidateId, Guid OpeningId, int Score, Explanation Explanation);

/// <summary>
/// The in-memory matching index: ranks candidates for an opening and openings for a candidate (top N, score above
/// zero, ties by id), with the scope applied inside. It only ranks; what is shown is checked against the database.
/// </summary>
/// <remarks>
/// Concurrency: every read works on one immutable <see cref="Snapshot"/>, taken with a single volatile read; writers
/// are serialised by a lock, build the next snapshot beside the current one and publish it with one volatile write.
/// Readers never wait and never see half an update. A snapshot is a large base (columns with posting lists) plus a
/// small delta of candidates added or replaced since, and a bit set of the base slots they superseded; an update copies
/// only the delta and the bit set (about 125 kB per million candidates), and the base is rebuilt when the delta grows
/// past <see cref="CompactionThreshold"/>. Openings (tens of thousands) are an array copied on write.
/// </remarks>
public sealed class MatchIndex
{
    private readonly Compiler _compiler;
    private readonly Lock _write = new();
    private Snapshot _current;

    public MatchIndex(MatchingTaxonomy taxonomy)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        _compiler = new Compiler(taxonomy);
        _current = Snapshot.Empty;
    }

    public MatchingTaxonomy Taxonomy => _compiler.Taxonomy;

    /// <summary>Candidates in the delta before the base is rebuilt.</summary>
    public int CompactionThreshold { get; init; } = 4096;

    public int CandidateCount => Volatile.Read(ref _current).CandidateCount;
    public int OpeningCount => Volatile.Read(ref _current).Openings.Length;

    /// <summary>An estimate of the index's memory, in bytes (columns, posting lists, delta and openings).</summary>
    public long ApproximateBytes
    {
        get
        {
            var s = Volatile.Read(ref _current);
            return s.Base.ApproximateBytes() + s.Dead.Length * 8L + s.Delta.Length * 200L + s.Openings.Length * 300L;
        }
    }

    /// <summary>Replaces everything (start-up): builds the base directly, without a delta.</summary>
    public void Load(IEnumerable<Candidate> candidates, IEnumerable<Opening> openings)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(openings);
        var compiledCandidates = candidates.Select(_compiler.Compile).DistinctBy(c => c.Id).ToList();
        var compiledOpenings = openings.Select(_compiler.Compile).DistinctBy(o => o.Id).ToImmutableArray();
        var columns = new CandidateColumns(compiledCandidates);
        lock (_write)
        {
            Volatile.Write(ref _current, new Snapshot(columns, new ulong[(columns.Count + 63) / 64], [],
                compiledOpenings, compiledOpenings.Select((o, i) => (o.Id, i)).ToImmutableDictionary(p => p.Id, p => p.i)));
        }
    }

    /// <summary>Adds a candidate, or replaces the one with the same id.</summary>
    public void Upsert(Candidate candidate)
    {
        var compiled = _compiler.Compile(candidate);
        lock (_write)
            Publish(Without(Volatile.Read(ref _current), compiled.Id, compiled));
    }

    public bool RemoveCandidate(Guid id)
    {
        lock (_write)
        {
            var current = Volatile.Read(ref _current);
            if (!current.HasCandidate(id))
                return false;
            Publish(Without(current, id, null));
            return true;
        }
    }

    /// <summary>Adds an opening, or replaces the one with the same id.</summary>
    public void Upsert(Opening opening)
    {
        var compiled = _compiler.Compile(opening);
        lock (_write)
        {
            var s = Volatile.Read(ref _current);
            var next = s.OpeningSlots.TryGetValue(compiled.Id, out var slot)
                ? s with { Openings = s.Openings.SetItem(slot, compiled) }
                : s with { Openings = s.Openings.Add(compiled), OpeningSlots = s.OpeningSlots.Add(compiled.Id, s.Openings.Length) };
            Volatile.Write(ref _current, next);
        }
    }

    public bool RemoveOpening(Guid id)
    {
        lock (_write)
        {
            var s = Volatile.Read(ref _current);
            if (!s.OpeningSlots.TryGetValue(id, out var slot))
                return false;
            // The last opening takes the removed one's place.
            var last = s.Openings[^1];
            var openings = s.Openings.SetItem(slot, last).RemoveAt(s.Openings.Length - 1);
            var slots = s.OpeningSlots.Remove(id);
            if (last.Id != id)
                slots = slots.SetItem(last.Id, slot);
            Volatile.Write(ref _current, s with { Openings = openings, OpeningSlots = slots });
            return true;
        }
    }

    private static Snapshot Without(Snapshot s, Guid id, CompiledCandidate? replacement)
    {
        var dead = s.Dead;
        if (s.Base.Slots.TryGetValue(id, out var slot) && (dead[slot >> 6] & (1UL << slot)) == 0)
        {
            dead = (ulong[])dead.Clone();
            dead[slot >> 6] |= 1UL << slot;
        }
        var delta = s.Delta.RemoveAll(c => c.Id == id);
        if (replacement is not null)
            delta = delta.Add(replacement);
        return s with { Dead = dead, Delta = delta };
    }

    private void Publish(Snapshot next)
    {
        if (next.Delta.Length > CompactionThreshold)
            next = Compact(next);
        Volatile.Write(ref _current, next);
    }

    private static Snapshot Compact(Snapshot s)
    {
        var live = new List<CompiledCandidate>(s.CandidateCount);
        for (var slot = 0; slot < s.Base.Count; slot++)
        {
            if ((s.Dead[slot >> 6] & (1UL << slot)) == 0)
                live.Add(s.Base.Extract(slot));
        }
        live.AddRange(s.Delta);
        var columns = new CandidateColumns(live);
        return s with { Base = columns, Dead = new ulong[(columns.Count + 63) / 64], Delta = [] };
    }

    /// <summary>The best candidates for a stored opening; empty when the opening is unknown.</summary>
    public IReadOnlyList<Match> RankCandidates(Guid openingId, MatchScope scope, int top = 20)
    {
        var s = Volatile.Read(ref _current);
        return s.OpeningSlots.TryGetValue(openingId, out var slot) ? CandidateRanking.Rank(s, s.Openings[slot], Scope(scope), top, prune: true) : [];
    }

    /// <summary>The best candidates for an opening that need not be stored (e.g. one being written).</summary>
    public IReadOnlyList<Match> RankCandidates(Opening opening, MatchScope scope, int top = 20) =>
        CandidateRanking.Rank(Volatile.Read(ref _current), _compiler.Compile(opening), Scope(scope), top, prune: true);

    /// <summary>The same ranking as <see cref="RankCandidates(Guid, MatchScope, int)"/> by scoring every candidate:
    /// the simple baseline, which the pruned ranking must equal.</summary>
    public IReadOnlyList<Match> RankCandidatesByFullScan(Guid openingId, MatchScope scope, int top = 20)
    {
        var s = Volatile.Read(ref _current);
        return s.OpeningSlots.TryGetValue(openingId, out var slot) ? CandidateRanking.Rank(s, s.Openings[slot], Scope(scope), top, prune: false) : [];
    }

    /// <summary>The best open openings for a stored candidate; empty when the candidate is unknown or out of scope.</summary>
    public IReadOnlyList<Match> RankOpenings(Guid candidateId, MatchScope scope, int top = 20)
    {
        var s = Volatile.Read(ref _current);
        var candidate = s.FindCandidate(candidateId);
        return candidate is null ? [] : OpeningRanking.Rank(s, candidate, Scope(scope), top);
    }

    /// <summary>The best open openings for a candidate that need not be stored.</summary>
    public IReadOnlyList<Match> RankOpenings(Candidate candidate, MatchScope scope, int top = 20) =>
        OpeningRanking.Rank(Volatile.Read(ref _current), _compiler.Compile(candidate), Scope(scope), top);

    private ScopeFilter Scope(MatchScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.IsEverywhere)
            return new ScopeFilter(null, [], scope.ForEmployerLiaison);
        var flags = new bool[_compiler.Owners.Count];
        var keys = new List<int>();
        foreach (var owner in scope.Organisations.Concat(scope.Projects))
        {
            var id = _compiler.Owners.Find(owner);
            if (id >= 0 && id < flags.Length && !flags[id])
            {
                flags[id] = true;
                keys.Add(id);
            }
        }
        return new ScopeFilter(flags, [.. keys], scope.ForEmployerLiaison);
    }
}

/// <summary>One state of the index; never changed once published.</summary>
internal sealed record Snapshot(
    CandidateColumns Base, ulong[] Dead, ImmutableArray<CompiledCandidate> Delta,
    ImmutableArray<CompiledOpening> Openings, ImmutableDictionary<Guid, int> OpeningSlots)
{
    public static Snapshot Empty { get; } = new(new CandidateColumns([]), [], [], [], ImmutableDictionary<Guid, int>.Empty);

    public int CandidateCount => Base.Count - Dead.Sum(w => System.Numerics.BitOperations.PopCount(w)) + Delta.Length;

    public bool IsDead(int slot) => (Dead[slot >> 6] & (1UL << slot)) != 0;

    public bool HasCandidate(Guid id) => (Base.Slots.TryGetValue(id, out var slot) && !IsDead(slot)) || Delta.Any(c => c.Id == id);

    public CompiledCandidate? FindCandidate(Guid id)
    {
        foreach (var c in Delta)
        {
            if (c.Id == id)
                return c;
        }
        return Base.Slots.TryGetValue(id, out var slot) && !IsDead(slot) ? Base.Extract(slot) : null;
    }
}

/// <summary>The viewer's scope as flags over interned organisation and project ids (<c>null</c>: everywhere).</summary>
internal sealed record ScopeFilter(bool[]? Owners, int[] Keys, bool ForEmployerLiaison)
{
    public bool OwnerInScope(int owner) => Owners is null || (owner < Owners.Length && Owners[owner]);

    public bool Admits(bool active, bool consent, int organisation, ReadOnlySpan<int> projects)
    {
        if (!active || (ForEmployerLiaison && !consent))
            return false;
        if (Owners is null || OwnerInScope(organisation))
            return true;
        foreach (var p in projects)
        {
            if (OwnerInScope(p))
                return true;
        }
        return false;
    }
}
