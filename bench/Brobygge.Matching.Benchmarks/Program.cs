using System.Diagnostics;
using System.Globalization;
using Brobygge.Matching;
using Brobygge.Matching.Benchmarks;

// dotnet run -c Release --project bench/Brobygge.Matching.Benchmarks -- --persons 100000 --openings 50000 --queries 1000
// Builds a deterministic synthetic population from the real taxonomy and municipality lists (../shared/data), loads the
// matching index, and times top-20 candidates for an opening (against a full scan of the same index, whose results
// must be equal), top-20 openings for a person, and single updates (what a change costs before every reader sees it).
// The last line is the result as JSON.
var persons = Option("--persons", 100_000);
var openingCount = Option("--openings", 50_000);
var queries = Option("--queries", 1_000);
var shared = FindShared();

var clock = Stopwatch.StartNew();
var taxonomy = JobTechFiles.Load(Path.Combine(shared, "jobtech-taxonomy"), Path.Combine(shared, "se-geo", "municipality_county.csv"));
var world = new SyntheticWorld(taxonomy, Path.Combine(shared, "se-geo", "postal_to_municipality.csv"), seed: 20261127);
Console.WriteLine($"Taxonomy read in {clock.Elapsed.TotalSeconds:F1} s: {taxonomy.OccupationCount:N0} occupations.");

clock.Restart();
var openings = Enumerable.Range(0, openingCount).Select(world.Opening).ToList();
var index = new MatchIndex(taxonomy);
var memoryBefore = Memory();
index.Load(Enumerable.Range(0, persons).Select(world.Candidate), openings);
var indexBytes = Memory() - memoryBefore;
Console.WriteLine($"Index of {persons:N0} persons and {openingCount:N0} openings built in {clock.Elapsed.TotalSeconds:F1} s, {indexBytes / 1e6:F0} MB "
    + $"(the engine's own estimate: {index.ApproximateBytes / 1e6:F0} MB).");

// The queries: openings of common and rare occupations, loose and strict requirements, national and one-organisation scope.
var queryOpenings = Enumerable.Range(0, queries).Select(i => openings[world.QueryOpening(i, openings.Count)]).ToList();
var scopes = Enumerable.Range(0, queries).Select(i => i / 2 % 4 == 3 ? MatchScope.Of([world.Organisation(i)], []) : MatchScope.Everywhere).ToList();

// Warm up (JIT), then time.
for (var i = 0; i < Math.Min(50, queries); i++)
{
    index.RankCandidates(queryOpenings[i].Id, scopes[i], 20);
    index.RankCandidatesByFullScan(queryOpenings[i].Id, scopes[i], 20);
    index.RankOpenings(world.CandidateId(i), MatchScope.Everywhere, 20);
    index.RankOpeningsByFullScan(world.CandidateId(i), MatchScope.Everywhere, 20);
}

var engine = new double[queries];
var scan = new double[queries];
var forPerson = new double[queries];
var forPersonScan = new double[queries];
var equal = true;
long returned = 0;
for (var i = 0; i < queries; i++)
{
    var started = Stopwatch.GetTimestamp();
    var ranked = index.RankCandidates(queryOpenings[i].Id, scopes[i], 20);
    engine[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

    started = Stopwatch.GetTimestamp();
    var scanned = index.RankCandidatesByFullScan(queryOpenings[i].Id, scopes[i], 20);
    scan[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

    if (!ranked.Select(m => (m.CandidateId, m.Score)).SequenceEqual(scanned.Select(m => (m.CandidateId, m.Score))))
    {
        equal = false;
        Console.WriteLine($"  results differ for opening {queryOpenings[i].Id} ({queryOpenings[i].Occupation})");
    }
    returned += ranked.Count;

    var person = world.CandidateId(i * 7919 % persons);
    started = Stopwatch.GetTimestamp();
    var suggested = index.RankOpenings(person, MatchScope.Everywhere, 20);
    forPerson[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

    started = Stopwatch.GetTimestamp();
    var suggestedByScan = index.RankOpeningsByFullScan(person, MatchScope.Everywhere, 20);
    forPersonScan[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    if (!suggested.Select(m => (m.OpeningId, m.Score)).SequenceEqual(suggestedByScan.Select(m => (m.OpeningId, m.Score))))
    {
        equal = false;
        Console.WriteLine($"  openings differ for person {person}");
    }
}

// Freshness within the node: an update is visible to the next read once the call returns.
var updates = Math.Min(5_000, persons);
var update = new double[updates];
for (var i = 0; i < updates; i++)
{
    var changed = world.Candidate(i * 13 % persons);
    var started = Stopwatch.GetTimestamp();
    index.Upsert(changed);
    update[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}

Console.WriteLine($"Candidates for an opening, top 20 of {persons:N0} ({queries:N0} queries, {returned / (double)queries:F1} results on average):");
Console.WriteLine($"  engine    median {Median(engine):F3} ms, p99 {P99(engine):F3} ms");
Console.WriteLine($"  full scan median {Median(scan):F3} ms, p99 {P99(scan):F3} ms");
Console.WriteLine($"  by kind: {string.Join(", ", Kinds())}");
Console.WriteLine($"Openings for a person, top 20 of {openingCount:N0}:");
Console.WriteLine($"  engine    median {Median(forPerson):F3} ms, p99 {P99(forPerson):F3} ms");
Console.WriteLine($"  full scan median {Median(forPersonScan):F3} ms, p99 {P99(forPersonScan):F3} ms");
Console.WriteLine($"Updates ({updates:N0}, compaction included): median {Median(update):F3} ms, p99 {P99(update):F3} ms, max {update.Max():F1} ms");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{{\"benchmark\":\"matching\",\"persons\":{persons},\"openings\":{openingCount},\"queries\":{queries},\"medianMs\":{Median(engine):F3},\"p99Ms\":{P99(engine):F3},"
    + $"\"scanMedianMs\":{Median(scan):F3},\"scanRatio\":{Median(scan) / Median(engine):F1},\"openingsMedianMs\":{Median(forPerson):F3},\"openingsP99Ms\":{P99(forPerson):F3},\"openingsScanMedianMs\":{Median(forPersonScan):F3},"
    + $"\"updateMedianMs\":{Median(update):F3},\"updateP99Ms\":{P99(update):F3},\"indexMb\":{indexBytes / 1e6:F0},\"resultsEqual\":{(equal ? "true" : "false")}}}"));
return equal ? 0 : 1;

IEnumerable<string> Kinds() => Enumerable.Range(0, queries)
    .GroupBy(i => (world.IsRare(queryOpenings[i]) ? "rare" : "common") + (scopes[i].IsEverywhere ? "/national" : "/one organisation"))
    .OrderBy(g => g.Key)
    .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} {Median(g.Select(i => engine[i]).ToArray()):F3} ms ({g.Count()})"));

int Option(string name, int fallback) =>
    args.SkipWhile(a => a != name).Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(fallback);

static double Median(double[] values) => Percentile(values, 0.5);
static double P99(double[] values) => Percentile(values, 0.99);
static double Percentile(double[] values, double p)
{
    var sorted = values.Order().ToArray();
    return sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}

static long Memory()
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    return GC.GetTotalMemory(forceFullCollection: true);
}

static string FindShared()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        var candidate = Path.Combine(dir.FullName, "shared", "data");
        if (File.Exists(Path.Combine(candidate, "jobtech-taxonomy", "occupation-name.csv")))
            return candidate;
    }
    throw new DirectoryNotFoundException("No shared/data/jobtech-taxonomy beside the repository.");
}
