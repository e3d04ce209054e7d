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
/// Readers never wait and never see half an update. A snapshot is, for candidates and for openings alike, a large base
/// with posting lists, a small delta of those added or replaced since, and a bit set of the base slots they superseded;
/// an update copies only the delta and the bit set (about 125 kB per million), so it costs microseconds. When a delta
/// grows past <see cref="CompactionThreshold"/>, new bases are built on a background thread from the snapshot of that
/// moment, while writers go on; the changes made meanwhile are then carried over under the lock (the ids they touched
/// are superseded in the new bases and stay in the delta).
/// </remarks>
public sealed class MatchIndex
{
    private readonly Compiler _compiler;
    private readonly Lock _write = new();
    private Snapshot _current;

    // While a compaction runs: the ids changed since its snapshot was taken (guarded by _write).
    private HashSet<Guid>? _touchedCandidates, _touchedOpenings;
    private Task _compaction = Task.CompletedTask;

    public MatchIndex(MatchingTaxonomy taxonomy)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        _compiler = new Compiler(taxonomy);
        _current = Snapshot.Empty;
    }

    public MatchingTaxonomy Taxonomy => _compiler.Taxonomy;

    /// <summary>Candidates (or openings) in a delta before new bases are built.</summary>
    public int CompactionThreshold { get; init; } = 4096;

    /// <summary>Build new bases on the calling writer's thread instead of in the background (for tests that need to
    /// know when it is done).</summary>
    public bool CompactInForeground { get; init; }

    public int CandidateCount => Volatile.Read(ref _current).CandidateCount;
    public int OpeningCount => Volatile.Read(ref _current).OpeningCount;

    /// <summary>An estimate of the index's memory, in bytes (columns, posting lists, deltas and openings).</summary>
    public long ApproximateBytes
    {
        get
        {
            var s = Volatile.Read(ref _current);
            return s.Base.ApproximateBytes() + s.Dead.Length * 8L + s.Delta.Length * 200L
                + s.OpeningBase.ApproximateBytes() + s.OpeningDead.Length * 8L + s.OpeningDelta.Length * 400L;
        }
    }

    /// <summary>Waits for a compaction running in the background, if any.</summary>
    public Task CompactionFinished
    {
        get
        {
            lock (_write)
                return _compaction;
        }
    }

    /// <summary>Replaces everything (start-up): builds the bases directly, without deltas.</summary>
    public void Load(IEnumerable<Candidate> candidates, IEnumerable<Opening> openings)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(openings);
        var columns = new CandidateColumns(candidates.Select(_compiler.Compile).DistinctBy(c => c.Id).ToList());
        var table = new OpeningTable(openings.Select(_compiler.Compile).DistinctBy(o => o.Id).ToList());
        lock (_write)
            Volatile.Write(ref _current, new Snapshot(columns, Bits(columns.Count), [], table, Bits(table.Items.Length), []));
    }

    /// <summary>Adds a candidate, or replaces the one with the same id.</summary>
    public void Upsert(Candidate candidate)
    {
        var compiled = _compiler.Compile(candidate);
        lock (_write)
        {
            _touchedCandidates?.Add(compiled.Id);
            Publish(WithoutCandidate(Volatile.Read(ref _current), compiled.Id, compiled));
        }
    }

    public bool RemoveCandidate(Guid id)
    {
        lock (_write)
        {
            var current = Volatile.Read(ref _current);
            if (current.FindCandidate(id) is null)
                return false;
            _touchedCandidates?.Add(id);
            Publish(WithoutCandidate(current, id, null));
            return true;
        }
    }

    /// <summary>Adds an opening, or replaces the one with the same id.</summary>
    public void Upsert(Opening opening)
    {
        var compiled = _compiler.Compile(opening);
        lock (_write)
        {
            _touchedOpenings?.Add(compiled.Id);
            Publish(WithoutOpening(Volatile.Read(ref _current), compiled.Id, compiled));
        }
    }

    public bool RemoveOpening(Guid id)
    {
        lock (_write)
        {
            var current = Volatile.Read(ref _current);
            if (current.FindOpening(id) is null)
                return false;
            _touchedOpenings?.Add(id);
            Publish(WithoutOpening(current, id, null));
            return true;
        }
    }

    private static ulong[] Bits(int count) => new ulong[(count + 63) / 64];

    private static ulong[] Supersede(ulong[] dead, Dictionary<Guid, int> slots, Guid id)
    {
        if (!slots.TryGetValue(id, out var slot) || (dead[slot >> 6] & (1UL << slot)) != 0)
            return dead;
        dead = (ulong[])dead.Clone();
        dead[slot >> 6] |= 1UL << slot;
        return dead;
    }

    private static Snapshot WithoutCandidate(Snapshot s, Guid id, CompiledCandidate? replacement)
    {
        var delta = s.Delta.RemoveAll(c => c.Id == id);
        return s with { Dead = Supersede(s.Dead, s.Base.Slots, id), Delta = replacement is null ? delta : delta.Add(replacement) };
    }

    private static Snapshot WithoutOpening(Snapshot s, Guid id, CompiledOpening? replacement)
    {
        var delta = s.OpeningDelta.RemoveAll(o => o.Id == id);
        return s with { OpeningDead = Supersede(s.OpeningDead, s.OpeningBase.Slots, id), OpeningDelta = replacement is null ? delta : delta.Add(replacement) };
    }

    /// <summary>Publishes the next snapshot; starts a compaction when a delta has grown too large. Called under the lock.</summary>
    private void Publish(Snapshot next)
    {
        Volatile.Write(ref _current, next);
        if (_touchedCandidates is not null || (next.Delta.Length <= CompactionThreshold && next.OpeningDelta.Length <= CompactionThreshold))
            return;
        _touchedCandidates = [];
        _touchedOpenings = [];
        if (CompactInForeground)
        {
            FinishCompaction(Compact(next));
        }
        else
        {
            _compaction = Task.Run(() =>
            {
                (CandidateColumns, OpeningTable)? built = null;
                try
                {
                    built = Compact(next);
                }
                finally
                {
                    lock (_write)
                        FinishCompaction(built);
                }
            });
        }
    }

    private static (CandidateColumns, OpeningTable) Compact(Snapshot s)
    {
        var candidates = new List<CompiledCandidate>(s.CandidateCount);
        for (var slot = 0; slot < s.Base.Count; slot++)
        {
            if (!s.IsDead(slot))
                candidates.Add(s.Base.Extract(slot));
        }
        candidates.AddRange(s.Delta);
        var openings = s.OpeningBase.Items.Where((_, slot) => !s.IsOpeningDead(slot)).Concat(s.OpeningDelta).ToList();
        return (new CandidateColumns(candidates), new OpeningTable(openings));
    }

    /// <summary>Publishes the new bases with the changes made since their snapshot carried over. Called under the lock.</summary>
    private void FinishCompaction((CandidateColumns Columns, OpeningTable Openings)? built)
    {
        var touchedCandidates = _touchedCandidates!;
        var touchedOpenings = _touchedOpenings!;
        _touchedCandidates = _touchedOpenings = null;
        if (built is not { } b)
            return;
        var current = Volatile.Read(ref _current);
        // What changed meanwhile is in the current delta (or was removed): the new bases' copies are superseded.
        // Fresh bit sets, not yet published, so set in place (not copied per id as a published one must be).
        var dead = Bits(b.Columns.Count);
        foreach (var id in touchedCandidates)
        {
            if (b.Columns.Slots.TryGetValue(id, out var slot))
                dead[slot >> 6] |= 1UL << slot;
        }
        var openingDead = Bits(b.Openings.Items.Length);
        foreach (var id in touchedOpenings)
        {
            if (b.Openings.Slots.TryGetValue(id, out var slot))
                openingDead[slot >> 6] |= 1UL << slot;
        }
        Volatile.Write(ref _current, new Snapshot(
            b.Columns, dead, current.Delta.Where(c => touchedCandidates.Contains(c.Id)).ToImmutableArray(),
            b.Openings, openingDead, current.OpeningDelta.Where(o => touchedOpenings.Contains(o.Id)).ToImmutableArray()));
    }

    /// <summary>The best candidates for a stored opening; empty when the opening is unknown.</summary>
    public IReadOnlyList<Match> RankCandidates(Guid openingId, MatchScope scope, int top = 20)
    {
        var s = Volatile.Read(ref _current);
        return s.FindOpening(openingId) is { } o ? CandidateRanking.Rank(s, o, Scope(scope), top, prune: true) : [];
    }

    /// <summary>The best candidates for an opening that need not be stored (e.g. one being written).</summary>
    public IReadOnlyList<Match> RankCandidates(Opening opening, MatchScope scope, int top = 20) =>
        CandidateRanking.Rank(Volatile.Read(ref _current), _compiler.Compile(opening), Scope(scope), top, prune: true);

    /// <summary>The same ranking as <see cref="RankCandidates(Guid, MatchScope, int)"/> by scoring every candidate:
    /// the simple baseline, which the pruned ranking must equal.</summary>
    public IReadOnlyList<Match> RankCandidatesByFullScan(Guid openingId, MatchScope scope, int top = 20)
    {
        var s = Volatile.Read(ref _current);
        return s.FindOpening(openingId) is { } o ? CandidateRanking.Rank(s, o, Scope(scope), top, prune: false) : [];
    }

    /// <summary>The best open openings for a stored candidate; empty when the candidate is unknown or out of scope.</summary>
    public IReadOnlyList<Match> RankOpenings(Guid candidateId, MatchScope scope, int top = 20)
    {
        var s = Volatile.Read(ref _current);
        return s.FindCandidate(candidateId) is { } c ? OpeningRanking.Rank(s, _compiler, c, Scope(scope), top, prune: true) : [];
    }

    /// <summary>The best open openings for a candidate that need not be stored.</summary>
    public IReadOnlyList<Match> RankOpenings(Candidate candidate, MatchScope scope, int top = 20) =>
        OpeningRanking.Rank(Volatile.Read(ref _current), _compiler, _compiler.Compile(candidate), Scope(scope), top, prune: true);

    /// <summary>The same ranking as <see cref="RankOpenings(Guid, MatchScope, int)"/> by scoring every opening.</summary>
    public IReadOnlyList<Match> RankOpeningsByFullScan(Guid candidateId, MatchScope scope, int top = 20)
    {
        var s = Volatile.Read(ref _current);
        return s.FindCandidate(candidateId) is { } c ? OpeningRanking.Rank(s, _compiler, c, Scope(scope), top, prune: false) : [];
    }

    private ScopeFilter Scope(MatchScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.IsEverywhere)
            return new ScopeFilter(null, [], null, scope.ForEmployerLiaison);
        var count = _compiler.Owners.Count;
        var (owners, keys) = Flags(scope.Organisations.Concat(scope.Projects), count);
        var (openingOwners, _) = Flags(scope.OpeningOrganisations.Count > 0 ? scope.OpeningOrganisations : scope.Organisations, count);
        return new ScopeFilter(owners, keys, openingOwners, scope.ForEmployerLiaison);
    }

    private (bool[] Flags, int[] Keys) Flags(IEnumerable<Guid> owners, int count)
    {
        var flags = new bool[count];
        var keys = new List<int>();
        foreach (var owner in owners)
        {
            var id = _compiler.Owners.Find(owner);
            if (id >= 0 && id < count && !flags[id])
            {
                flags[id] = true;
                keys.Add(id);
            }
        }
        return (flags, [.. keys]);
    }
}

/// <summary>One state of the index; never changed once published.</summary>
internal sealed record Snapshot(
    CandidateColumns Base, ulong[] Dead, ImmutableArray<CompiledCandidate> Delta,
    OpeningTable OpeningBase, ulong[] OpeningDead, ImmutableArray<CompiledOpening> OpeningDelta)
{
    public static Snapshot Empty { get; } = new(new CandidateColumns([]), [], [], new OpeningTable([]), [], []);

    public int CandidateCount => Base.Count - Dead.Sum(w => System.Numerics.BitOperations.PopCount(w)) + Delta.Length;
    public int OpeningCount => OpeningBase.Items.Length - OpeningDead.Sum(w => System.Numerics.BitOperations.PopCount(w)) + OpeningDelta.Length;

    public bool IsDead(int slot) => (Dead[slot >> 6] & (1UL << slot)) != 0;
    public bool IsOpeningDead(int slot) => (OpeningDead[slot >> 6] & (1UL << slot)) != 0;

    public CompiledCandidate? FindCandidate(Guid id)
    {
        foreach (var c in Delta)
        {
            if (c.Id == id)
                return c;
        }
        return Base.Slots.TryGetValue(id, out var slot) && !IsDead(slot) ? Base.Extract(slot) : null;
    }

    public CompiledOpening? FindOpening(Guid id)
    {
        foreach (var o in OpeningDelta)
        {
            if (o.Id == id)
                return o;
        }
        return OpeningBase.Slots.TryGetValue(id, out var slot) && !IsOpeningDead(slot) ? OpeningBase.Items[slot] : null;
    }
}

/// <summary>The viewer's scope as flags over interned organisation and project ids (<c>null</c>: everywhere), for
/// candidates and for openings.</summary>
internal sealed record ScopeFilter(bool[]? Owners, int[] Keys, bool[]? OpeningOwners, bool ForEmployerLiaison)
{
    public bool OwnerInScope(int owner) => Owners is null || (owner < Owners.Length && Owners[owner]);

    public bool OpeningInScope(int organisation) =>
        OpeningOwners is null || (organisation < OpeningOwners.Length && OpeningOwners[organisation]);

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
