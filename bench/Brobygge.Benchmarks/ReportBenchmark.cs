using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Brobygge.Data;
using Brobygge.Identity;
using Brobygge.Projects;
using Brobygge.Reports;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Brobygge.Benchmarks;

/// <summary>
/// <c>report --participants N</c>: a deterministic project of N participants with 10 activities each on a throwaway
/// PostgreSQL cluster, made with generate_series (no client round trips); the milestones set by one UPDATE with the
/// definitions of EnrolmentMilestones. Times the goal figures as of one date through Brobygge's own code
/// (<see cref="GoalFigures"/>), the whole report (<see cref="GoalReports"/>), and a hand-written SQL aggregate over
/// the raw tables (activities, outcomes, follow-ups; not the milestone columns), and fails if a figure differs.
/// </summary>
public static class ReportBenchmark
{
    private static readonly DateOnly AsOf = new(2021, 6, 30);
    private const int Runs = 7;

    public static async Task<int> RunAsync(string[] args)
    {
        var participants = args.SkipWhile(a => a != "--participants").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(1_000_000);
        await using var cluster = await PostgresCluster.StartAsync();
        await using (var admin = new NpgsqlConnection(cluster.ConnectionString("postgres")))
        {
            await admin.OpenAsync();
            await new NpgsqlCommand("CREATE DATABASE report", admin).ExecuteNonQueryAsync();
        }
        var connectionString = cluster.ConnectionString("report");
        var services = BenchmarkServices.For(connectionString);
        await DatabaseSetup.MigrateAsync(services);

        var organisationId = Guid.CreateVersion7();
        var projectId = Guid.CreateVersion7();
        var clock = Stopwatch.StartNew();
        Console.WriteLine($"Generating {participants:N0} participants and {participants * 10L:N0} activities …");
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            foreach (var (what, sql) in Generation(participants))
            {
                var step = Stopwatch.StartNew();
                await using var command = new NpgsqlCommand(sql, connection);
                command.Parameters.AddWithValue("org", organisationId);
                command.Parameters.AddWithValue("project", projectId);
                command.Parameters.AddWithValue("n", participants);
                await command.ExecuteNonQueryAsync();
                Console.WriteLine($"  {what}: {step.Elapsed.TotalSeconds:F1} s");
            }
            await new NpgsqlCommand("VACUUM ANALYZE", connection).ExecuteNonQueryAsync();
        }
        Console.WriteLine($"Generated in {clock.Elapsed.TotalSeconds:F0} s.");

        string jit;
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            jit = (string)(await new NpgsqlCommand("SHOW jit", connection).ExecuteScalarAsync())!;
        }
        Console.WriteLine($"PostgreSQL jit = {jit}");
        Console.WriteLine("Baseline SQL over the raw tables:");
        Console.WriteLine(BaselineSql);

        await using var scope = services.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<BrobyggeDb>();
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == projectId);

        Indicators ours = null!;
        var oursMs = await TimeAsync(async () => ours = await GoalFigures.ComputeAsync(db, projectId, ReportPeriod.AsOf(AsOf)));
        Dictionary<string, int> baseline = null!;
        var baselineMs = await TimeAsync(async () => baseline = await BaselineAsync(connectionString, projectId));
        var wholeMs = await TimeAsync(async () => await GoalReports.BuildAsync(db, project, ReportPeriod.AsOf(AsOf)), runs: 3);

        var figures = Figures(ours);
        var differences = figures.Where(f => baseline.GetValueOrDefault(f.Key) != f.Value).Select(f => $"{f.Key}: ours {f.Value}, SQL {baseline.GetValueOrDefault(f.Key)}").ToList();
        Console.WriteLine("Figures: " + string.Join(", ", figures.Select(f => $"{f.Key}={f.Value}")));
        foreach (var difference in differences)
            Console.Error.WriteLine("differs: " + difference);
        Console.WriteLine($"Goal figures: median {oursMs:F1} ms; SQL baseline {baselineMs:F1} ms; whole report (funnel, time to first job, caseloads, {ours.Participants.Total:N0} participants, monthly series) median {wholeMs:F0} ms.");
        var result = new
        {
            benchmark = "report",
            participants,
            medianMs = Math.Round(oursMs, 1),
            sqlBaselineMs = Math.Round(baselineMs, 1),
            ratio = Math.Round(oursMs / baselineMs, 3),
            wholeReportMs = Math.Round(wholeMs, 0),
            jit,
            figuresEqual = differences.Count == 0,
        };
        Console.WriteLine(JsonSerializer.Serialize(result));
        return differences.Count == 0 ? 0 : 1;
    }

    private static async Task<double> TimeAsync(Func<Task> work, int runs = Runs)
    {
        await work(); // warm-up: JIT, plan cache, buffers
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await work();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times[times.Count / 2];
    }

    private static Dictionary<string, int> Figures(Indicators i) => new()
    {
        ["participants"] = i.Participants.Total, ["women"] = i.Participants.Women, ["men"] = i.Participants.Men, ["nonBinary"] = i.Participants.NonBinary,
        ["in_activity"] = i.InActivity.Total, ["internship"] = i.Internship.Total,
        ["employed"] = i.Employed.Total, ["employed_women"] = i.Employed.Women, ["studying"] = i.Studying.Total,
        ["employed_or_internship"] = i.EmployedOrInternship.Total, ["employed_or_studying"] = i.EmployedOrStudying.Total,
        ["retained"] = i.RetainedAt6Months.Retained, ["followedUp"] = i.RetainedAt6Months.FollowedUp, ["unreached"] = i.RetainedAt6Months.Unreached,
    };

    /// <summary>The same figures from the raw records, written by hand: held activities, outcomes and the six-month
    /// follow-ups recorded by the date, current rows only.</summary>
    public const string BaselineSql = """
        WITH act AS (
            SELECT "EnrolmentId" AS id, bool_or("Kind" = 'Internship') AS internship
            FROM "Activities"
            WHERE "Status" = 'Held' AND "OccurredOn" <= @asOf AND "HistoryOf" IS NULL AND "RemovedAt" IS NULL
            GROUP BY "EnrolmentId"),
        outc AS (
            SELECT "EnrolmentId" AS id, bool_or("Kind" = 'Employment') AS job, bool_or("Kind" = 'Studies') AS studies
            FROM "Outcomes"
            WHERE "StartedOn" <= @asOf AND "HistoryOf" IS NULL AND "RemovedAt" IS NULL
            GROUP BY "EnrolmentId"),
        fu AS (
            SELECT DISTINCT ON ("EnrolmentId") "EnrolmentId" AS id, "Status" AS status
            FROM "FollowUps"
            WHERE "Kind" = 'SixMonths' AND "RecordedOn" <= @asOf AND "HistoryOf" IS NULL AND "RemovedAt" IS NULL
            ORDER BY "EnrolmentId", "RecordedOn" DESC, "Id" DESC)
        SELECT e."GenderAtEntry",
            count(*),
            count(*) FILTER (WHERE act.id IS NOT NULL),
            count(*) FILTER (WHERE act.internship),
            count(*) FILTER (WHERE outc.job),
            count(*) FILTER (WHERE outc.studies),
            count(*) FILTER (WHERE outc.job OR act.internship),
            count(*) FILTER (WHERE outc.job OR outc.studies),
            count(*) FILTER (WHERE outc.job AND fu.status = 'Employed'),
            count(*) FILTER (WHERE outc.job AND fu.status IN ('Employed', 'Studying', 'NotEmployed')),
            count(*) FILTER (WHERE outc.job AND fu.status = 'Unreached')
        FROM "Enrolments" e
        LEFT JOIN act ON act.id = e."Id"
        LEFT JOIN outc ON outc.id = e."Id"
        LEFT JOIN fu ON fu.id = e."Id"
        WHERE e."ProjectId" = @project AND e."EnrolledOn" <= @asOf
        GROUP BY e."GenderAtEntry"
        """;

    private static async Task<Dictionary<string, int>> BaselineAsync(string connectionString, Guid projectId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(BaselineSql, connection);
        command.Parameters.AddWithValue("asOf", AsOf);
        command.Parameters.AddWithValue("project", projectId);
        var sums = new Dictionary<string, int>();
        void Add(string key, int value) => sums[key] = sums.GetValueOrDefault(key) + value;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var gender = reader.GetString(0);
            int At(int i) => (int)reader.GetInt64(i);
            Add("participants", At(1));
            Add(gender switch { "Woman" => "women", "Man" => "men", _ => "nonBinary" }, At(1));
            Add("in_activity", At(2));
            Add("internship", At(3));
            Add("employed", At(4));
            Add("employed_women", gender == "Woman" ? At(4) : 0);
            Add("studying", At(5));
            Add("employed_or_internship", At(6));
            Add("employed_or_studying", At(7));
            Add("retained", At(8));
            Add("followedUp", At(9));
            Add("unreached", At(10));
        }
        return sums;
    }

    /// <summary>The project: participant i enrols on 2019-01-01 + i mod 1000 days; 2 % non-binary, then alternately
    /// women and men; ten activities a week apart (every seventh planned, never held; the sixth an internship for a
    /// third); 60 % find a job 60–360 days in (a tenth of them a second one later), 20 % start studies; those with a
    /// job leave 30 days after it and are followed up six months later (three in four recorded: employed, studying,
    /// not employed or unreached).</summary>
    private static IEnumerable<(string What, string Sql)> Generation(int n)
    {
        const string Now = "timestamptz '2022-01-01 00:00:00+00'";
        yield return ("organisation and project", $"""
            INSERT INTO "Organisations" ("Id", "Name", "CreatedAt") VALUES (@org, 'Benchmark', {Now});
            INSERT INTO "Projects" ("Id", "OrganisationId", "Code", "Name", "StartsOn", "EndsOn", "FunderProfile", "Version", "Districts")
            VALUES (@project, @org, 'BENCH', 'Benchmark', date '2019-01-01', date '2022-12-31', 'None', gen_random_uuid(), ARRAY[]::text[]);
            """);
        yield return ("persons", $"""
            INSERT INTO "Persons" ("Id", "OrganisationId", "FirstName", "LastName", "Gender", "BirthDate", "CreatedAt", "Version", "Languages")
            SELECT md5('p' || i)::uuid, @org, 'F' || i, 'L' || i,
                CASE WHEN i % 50 = 0 THEN 'NonBinary' WHEN i % 2 = 0 THEN 'Woman' ELSE 'Man' END,
                date '1970-01-01' + (i % 15000), {Now}, md5('pv' || i)::uuid, ARRAY[]::text[]
            FROM generate_series(1, @n) i;
            """);
        yield return ("enrolments", """
            INSERT INTO "Enrolments" ("Id", "OrganisationId", "ProjectId", "PersonId", "Reference", "StatusAtEntry", "EnrolledOn", "AgeAtEntry", "GenderAtEntry", "Version", "Citizenship")
            SELECT md5('e' || i)::uuid, @org, @project, md5('p' || i)::uuid, 'B-' || i, 'LongTermUnemployed', date '2019-01-01' + (i % 1000), 18 + i % 45,
                CASE WHEN i % 50 = 0 THEN 'NonBinary' WHEN i % 2 = 0 THEN 'Woman' ELSE 'Man' END, md5('ev' || i)::uuid, ARRAY[]::text[]
            FROM generate_series(1, @n) i;
            """);
        yield return ("activities", $"""
            INSERT INTO "Activities" ("Id", "OrganisationId", "EnrolmentId", "Kind", "OccurredOn", "Status", "InterpreterUsed", "Version", "RecordedAt", "Origin")
            SELECT md5('a' || i || '-' || k)::uuid, @org, md5('e' || i)::uuid,
                CASE WHEN k = 5 AND i % 3 = 0 THEN 'Internship' ELSE 'Meeting' END,
                date '2019-01-01' + (i % 1000) + 7 * k + i % 5,
                CASE WHEN (i + k) % 7 = 0 THEN 'Planned' ELSE 'Held' END,
                false, md5('av' || i || '-' || k)::uuid, {Now}, 'Staff'
            FROM generate_series(1, @n) i, generate_series(0, 9) k;
            """);
        yield return ("outcomes", $"""
            INSERT INTO "Outcomes" ("Id", "OrganisationId", "EnrolmentId", "Kind", "StartedOn", "Version", "RecordedAt", "Origin")
            SELECT md5('o' || i)::uuid, @org, md5('e' || i)::uuid, CASE WHEN i % 5 < 3 THEN 'Employment' ELSE 'Studies' END,
                date '2019-01-01' + (i % 1000) + CASE WHEN i % 5 < 3 THEN 60 + i % 300 ELSE 45 + i % 200 END,
                md5('ov' || i)::uuid, {Now}, 'Staff'
            FROM generate_series(1, @n) i WHERE i % 5 < 4;
            INSERT INTO "Outcomes" ("Id", "OrganisationId", "EnrolmentId", "Kind", "StartedOn", "Version", "RecordedAt", "Origin")
            SELECT md5('o2-' || i)::uuid, @org, md5('e' || i)::uuid, 'Employment', date '2019-01-01' + (i % 1000) + 400 + i % 100,
                md5('o2v' || i)::uuid, {Now}, 'Staff'
            FROM generate_series(1, @n) i WHERE i % 5 < 3 AND i % 10 = 0;
            """);
        yield return ("periods and follow-ups", $"""
            INSERT INTO "ParticipationPeriods" ("Id", "OrganisationId", "EnrolmentId", "StartedOn", "EndedOn", "ExitReason", "RecordedAt", "Origin")
            SELECT md5('pp' || i)::uuid, @org, md5('e' || i)::uuid, date '2019-01-01' + (i % 1000),
                CASE WHEN i % 5 < 3 THEN date '2019-01-01' + (i % 1000) + 90 + i % 300 END,
                CASE WHEN i % 5 < 3 THEN 'Employed' END, {Now}, 'Staff'
            FROM generate_series(1, @n) i;
            INSERT INTO "FollowUps" ("Id", "OrganisationId", "EnrolmentId", "PeriodId", "Kind", "DueOn", "RecordedOn", "Status", "Version", "RecordedAt", "Origin")
            SELECT md5('f' || i)::uuid, @org, md5('e' || i)::uuid, md5('pp' || i)::uuid, 'SixMonths',
                date '2019-01-01' + (i % 1000) + 90 + i % 300 + 182,
                CASE WHEN i % 4 <> 3 THEN date '2019-01-01' + (i % 1000) + 90 + i % 300 + 182 + i % 20 END,
                CASE WHEN i % 4 <> 3 THEN CASE WHEN i % 10 < 7 THEN 'Employed' WHEN i % 10 = 7 THEN 'NotEmployed' WHEN i % 10 = 8 THEN 'Studying' ELSE 'Unreached' END END,
                md5('fv' || i)::uuid, {Now}, 'Staff'
            FROM generate_series(1, @n) i WHERE i % 5 < 3;
            UPDATE "Enrolments" e SET "ExitedOn" = p."EndedOn", "ExitReason" = p."ExitReason"
            FROM "ParticipationPeriods" p WHERE p."EnrolmentId" = e."Id" AND p."EndedOn" IS NOT NULL;
            """);
        // The milestones as EnrolmentMilestones derives them, for every enrolment in one statement.
        yield return ("milestones", """
            WITH act AS (
                SELECT "EnrolmentId" AS id, min("OccurredOn") AS first, min("OccurredOn") FILTER (WHERE "Kind" = 'Internship') AS internship
                FROM "Activities" WHERE "Status" = 'Held' AND "HistoryOf" IS NULL AND "RemovedAt" IS NULL GROUP BY 1),
            outc AS (
                SELECT "EnrolmentId" AS id, min("StartedOn") FILTER (WHERE "Kind" = 'Employment') AS job, min("StartedOn") FILTER (WHERE "Kind" = 'Studies') AS studies
                FROM "Outcomes" WHERE "HistoryOf" IS NULL AND "RemovedAt" IS NULL GROUP BY 1),
            fu AS (
                SELECT DISTINCT ON ("EnrolmentId") "EnrolmentId" AS id, "RecordedOn" AS on_, "Status" AS status
                FROM "FollowUps" WHERE "Kind" = 'SixMonths' AND "RecordedOn" IS NOT NULL AND "HistoryOf" IS NULL AND "RemovedAt" IS NULL
                ORDER BY "EnrolmentId", "RecordedOn" DESC, "Id" DESC)
            UPDATE "Enrolments" e SET "FirstActivityOn" = act.first, "FirstInternshipOn" = act.internship, "FirstJobOn" = outc.job,
                "FirstStudiesOn" = outc.studies, "FollowUp6mOn" = fu.on_, "FollowUp6mStatus" = fu.status
            FROM "Enrolments" e2
            LEFT JOIN act ON act.id = e2."Id" LEFT JOIN outc ON outc.id = e2."Id" LEFT JOIN fu ON fu.id = e2."Id"
            WHERE e2."Id" = e."Id";
            """);
    }
}
