using System.Diagnostics;
using System.Globalization;
using System.Text;
using Brobygge.Auditing;
using Brobygge.Benchmarks;
using Brobygge.Data;
using Brobygge.Enrolments;
using Brobygge.Identity;
using Brobygge.Imports;
using Brobygge.Organisations;
using Brobygge.Participants;
using Brobygge.Projects;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

// dotnet run -c Release --project bench/Brobygge.Benchmarks -- import --rows 100000
// Imports generated rows into a throwaway PostgreSQL cluster whose organisation already holds as many people, then
// loads the same resulting rows with binary COPY into the same tables (same indexes) of a second database holding
// the same number of other people: the floor. The last line is the result as JSON.
// dotnet run -c Release --project bench/Brobygge.Benchmarks -- report --participants 1000000 (ReportBenchmark.cs)
if (args.Length > 0 && args[0] == "report")
    return await ReportBenchmark.RunAsync(args);
if (args.Length == 0 || args[0] != "import")
{
    Console.Error.WriteLine("usage: import [--rows N] [--explain] | report [--participants N]");
    return 1;
}
var rows = args.SkipWhile(a => a != "--rows").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(100_000);
var updating = rows / 10;

// --explain: the plans of the statements slower than 200 ms, from the server's log, after the run (slows the run).
var explain = args.Contains("--explain");
await using var cluster = await PostgresCluster.StartAsync(explain);
await using (var admin = new NpgsqlConnection(cluster.ConnectionString("postgres")))
{
    await admin.OpenAsync();
    foreach (var name in new[] { "import", "floor" })
        await new NpgsqlCommand($"CREATE DATABASE {name}", admin).ExecuteNonQueryAsync();
}

var world = World.Make();
var services = BenchmarkServices.For(cluster.ConnectionString("import"));
await DatabaseSetup.MigrateAsync(services);
var floorServices = BenchmarkServices.For(cluster.ConnectionString("floor"));
await DatabaseSetup.MigrateAsync(floorServices);

Console.WriteLine($"Seeding: {rows:N0} people in each database, {updating:N0} of them already imported into the project …");
var numbers = new PersonalNumbers();
var seeded = await SeedAsync(services, world, rows, updating, numbers, enrolFirst: true);
await SeedAsync(floorServices, world, rows, 0, numbers, enrolFirst: false);
var csv = Generate(world, seeded, rows, updating, numbers);
await AnalyzeAsync(cluster.ConnectionString("import"));
await AnalyzeAsync(cluster.ConnectionString("floor"));

Console.WriteLine($"Importing {rows:N0} rows ({updating:N0} updating) …");
long auditBefore;
await using (var scope = services.CreateSystemScope())
    auditBefore = await scope.ServiceProvider.GetRequiredService<BrobyggeDb>().AuditEvents.MaxAsync(a => (long?)a.Sequence) ?? 0;
var clock = Stopwatch.StartNew();
ParticipantImport.Trace = message => Console.WriteLine($"  {clock.Elapsed.TotalSeconds,6:F2} s  {message}");
ImportResult result;
await using (var scope = services.CreateSystemScope())
{
    var db = scope.ServiceProvider.GetRequiredService<BrobyggeDb>();
    var project = await db.Projects.SingleAsync(p => p.Id == world.ProjectId);
    var table = ImportFile.ReadCsv(new MemoryStream(csv));
    result = await ParticipantImport.RunAsync(db, scope.ServiceProvider.GetRequiredService<IdentityNumberProtector>(), project, table,
        DateOnly.FromDateTime(DateTime.UtcNow), dryRun: false, CancellationToken.None);
}
var seconds = clock.Elapsed.TotalSeconds;
if (!result.Succeeded)
{
    foreach (var problem in result.Problems.Take(20))
        Console.Error.WriteLine(problem);
    return 1;
}
Console.WriteLine($"Imported: {result.Created:N0} created, {result.Updated:N0} updated in {seconds:F2} s.");

// The floor: the same resulting rows, loaded with binary COPY into the same tables of the second database.
var tables = new (string Table, string Select)[]
{
    ("Persons", $"SELECT p.* FROM \"Persons\" p JOIN \"Enrolments\" e ON e.\"PersonId\" = p.\"Id\" WHERE e.\"ProjectId\" = '{world.ProjectId}'"),
    ("Enrolments", $"SELECT * FROM \"Enrolments\" WHERE \"ProjectId\" = '{world.ProjectId}'"),
    ("Assignments", $"SELECT a.* FROM \"Assignments\" a JOIN \"Enrolments\" e ON e.\"Id\" = a.\"EnrolmentId\" WHERE e.\"ProjectId\" = '{world.ProjectId}'"),
    ("ParticipationPeriods", $"SELECT pp.* FROM \"ParticipationPeriods\" pp JOIN \"Enrolments\" e ON e.\"Id\" = pp.\"EnrolmentId\" WHERE e.\"ProjectId\" = '{world.ProjectId}'"),
    ("LeavingSituations", $"SELECT l.* FROM \"LeavingSituations\" l JOIN \"Enrolments\" e ON e.\"Id\" = l.\"EnrolmentId\" WHERE e.\"ProjectId\" = '{world.ProjectId}'"),
    ("Outcomes", $"SELECT o.* FROM \"Outcomes\" o JOIN \"Enrolments\" e ON e.\"Id\" = o.\"EnrolmentId\" WHERE e.\"ProjectId\" = '{world.ProjectId}'"),
    ("FollowUps", $"SELECT f.* FROM \"FollowUps\" f JOIN \"Enrolments\" e ON e.\"Id\" = f.\"EnrolmentId\" WHERE e.\"ProjectId\" = '{world.ProjectId}'"),
    ("AuditEvents", $"SELECT * FROM \"AuditEvents\" WHERE \"Sequence\" > {auditBefore} AND \"OrganisationId\" = '{world.OrganisationId}'"),
};
var exported = new List<(string Table, byte[] Data)>();
await using (var source = new NpgsqlConnection(cluster.ConnectionString("import")))
{
    await source.OpenAsync();
    foreach (var (table, select) in tables)
    {
        await using var copy = await source.BeginRawBinaryCopyAsync($"COPY ({select}) TO STDOUT (FORMAT BINARY)");
        var buffer = new MemoryStream();
        await copy.CopyToAsync(buffer);
        exported.Add((table, buffer.ToArray()));
    }
}
clock.Restart();
await using (var target = new NpgsqlConnection(cluster.ConnectionString("floor")))
{
    await target.OpenAsync();
    await using var transaction = await target.BeginTransactionAsync();
    foreach (var (table, data) in exported)
    {
        await using var copy = await target.BeginRawBinaryCopyAsync($"COPY \"{table}\" FROM STDIN (FORMAT BINARY)");
        await copy.WriteAsync(data);
    }
    await transaction.CommitAsync();
}
var copySeconds = clock.Elapsed.TotalSeconds;
if (explain)
    Console.WriteLine(File.ReadAllText(cluster.LogPath));
Console.WriteLine($"Binary COPY of the same rows ({string.Join(", ", exported.Select(e => $"{e.Table} {e.Data.Length / 1024 / 1024} MB"))}): {copySeconds:F2} s.");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{{\"benchmark\":\"import\",\"rows\":{rows},\"seconds\":{seconds:F2},\"copySeconds\":{copySeconds:F2},\"ratio\":{seconds / copySeconds:F2}}}"));
return 0;

static async Task AnalyzeAsync(string connectionString)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await new NpgsqlCommand("VACUUM ANALYZE", connection).ExecuteNonQueryAsync();
}

// The organisation's people: `rows` persons with identity numbers; the first `updating` already enrolled in the
// project by an earlier import (with a job), so the new file updates them.
static async Task<List<(Person Person, string Number)>> SeedAsync(IServiceProvider services, World world, int rows, int updating, PersonalNumbers numbers, bool enrolFirst)
{
    await using var scope = services.CreateSystemScope();
    var db = scope.ServiceProvider.GetRequiredService<BrobyggeDb>();
    var protector = scope.ServiceProvider.GetRequiredService<IdentityNumberProtector>();
    await protector.EnsureKeysAsync(CancellationToken.None);
    db.Organisations.Add(new Organisation { Id = world.OrganisationId, Name = "Benchmark" });
    db.Projects.Add(new Project { Id = world.ProjectId, OrganisationId = world.OrganisationId, Code = "BENCH", Name = "Benchmark", StartsOn = new DateOnly(2018, 1, 1), EndsOn = new DateOnly(2027, 12, 31) });
    foreach (var (id, name) in new[] { (world.CoachRoleId, Roles.Coach), (world.BridgeBuilderRoleId, Roles.BridgeBuilder) })
        db.Roles.Add(new IdentityRole<Guid> { Id = id, Name = name, NormalizedName = name.ToUpperInvariant() });
    foreach (var (id, email, role) in new[] { (world.CoachId, World.CoachEmail, world.CoachRoleId), (world.BridgeBuilderId, World.BridgeBuilderEmail, world.BridgeBuilderRoleId) })
    {
        db.Users.Add(new User { Id = id, OrganisationId = world.OrganisationId, UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), DisplayName = email, SecurityStamp = Guid.NewGuid().ToString() });
        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = id, RoleId = role });
        db.ProjectMembers.Add(new ProjectMember { OrganisationId = world.OrganisationId, ProjectId = world.ProjectId, UserId = id });
    }
    await db.SaveChangesAsync();

    var people = new List<(Person, string)>(rows);
    var persons = new List<Person>(rows);
    var enrolments = new List<Enrolment>();
    for (var i = 0; i < rows; i++)
    {
        var (number, born) = numbers.Next();
        var parsed = PersonalIdentityNumber.Parse(number, DateOnly.FromDateTime(DateTime.UtcNow));
        var person = new Person
        {
            OrganisationId = world.OrganisationId, FirstName = "Förnamn" + i, LastName = "Efternamn" + i, Gender = (Gender)(i % 3), BirthDate = born,
            IdentityNumberCipher = protector.Protect(parsed), IdentityNumberIndex = await protector.IndexAsync(parsed), Version = Guid.NewGuid(),
            District = "Drottninghög", Languages = ["ar", "sv"],
        };
        persons.Add(person);
        people.Add((person, number));
        if (enrolFirst && i < updating)
        {
            var enrolment = new Enrolment { OrganisationId = world.OrganisationId, ProjectId = world.ProjectId, PersonId = person.Id, Reference = World.Reference(i), EnrolledOn = new DateOnly(2019, 1, 1).AddDays(i % 1000), StatusAtEntry = LabourStatusAtEntry.Unemployed, Version = Guid.NewGuid() };
            enrolments.Add(enrolment);
        }
    }
    var connection = (NpgsqlConnection)db.Database.GetDbConnection();
    await connection.OpenAsync();
    await BinaryCopy.CopyAsync(db, connection, persons, CancellationToken.None);
    await BinaryCopy.CopyAsync(db, connection, enrolments, CancellationToken.None);
    return people;
}

// Every column in use: the first `updating` rows name the people enrolled already (by ref and number), the rest are new.
static byte[] Generate(World world, List<(Person Person, string Number)> seeded, int rows, int updating, PersonalNumbers numbers)
{
    var text = new StringBuilder();
    text.AppendLine(string.Join(',', ImportColumns.All));
    var statuses = new[] { "unemployed", "long_term_unemployed", "inactive", "employed" };
    for (var i = 0; i < rows; i++)
    {
        string number;
        DateOnly born;
        if (i < updating)
        {
            number = seeded[i].Number;
            born = seeded[i].Person.BirthDate;
        }
        else
            (number, born) = numbers.Next();
        var enrolled = new DateOnly(2019, 1, 1).AddDays(i % 1000);
        var exited = enrolled.AddMonths(8);
        var employed = i % 3 == 0;
        var studying = i % 3 == 1;
        var status = statuses[i % statuses.Length];
        // Long-term unemployment follows from the date and the age at entry (ESF+): 25 or older throughout here.
        var unemployedSince = status switch { "unemployed" => Iso(enrolled.AddMonths(-3)), "long_term_unemployed" => Iso(enrolled.AddMonths(-18)), _ => "" };
        var fields = new[]
        {
            World.Reference(i), number, i.ToString("00000000", CultureInfo.InvariantCulture), "Förnamn" + i, "Efternamn" + i,
            (i % 3) switch { 0 => "woman", 1 => "man", _ => "non_binary" }, Iso(born), "Drottninghög", "1283", "ar|sv|en", "sfi_d", (i % 9).ToString(CultureInfo.InvariantCulture),
            status, Iso(enrolled), Iso(exited), employed ? Iso(enrolled.AddMonths(6)) : "", employed ? "permanent" : "", employed ? "Helsingborgs stad" : "",
            studying ? Iso(enrolled.AddMonths(5)) : "", studying ? "komvux" : "", Iso(exited.AddMonths(6)), employed ? "employed" : "not_employed",
            employed ? "employed" : "completed", World.CoachEmail, World.BridgeBuilderEmail, unemployedSince, "SY|SE", "SY", "both", employed ? "employed" : "job_searching",
        };
        text.AppendLine(string.Join(',', fields));
    }
    return Encoding.UTF8.GetBytes(text.ToString());

    static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>The fixed ids both databases share, so the floor's rows fit the same project and staff.</summary>
internal sealed record World(Guid OrganisationId, Guid ProjectId, Guid CoachId, Guid BridgeBuilderId, Guid CoachRoleId, Guid BridgeBuilderRoleId)
{
    public const string CoachEmail = "coach@bench.brobygge.se";
    public const string BridgeBuilderEmail = "bridge@bench.brobygge.se";

    public static World Make() => new(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());

    public static string Reference(int i) => $"B-{i + 1:000000}";
}

/// <summary>Distinct valid personnummer (Luhn), adults born 1960–1995, never the same twice in one run.</summary>
internal sealed class PersonalNumbers
{
    private int _next;

    public (string Number, DateOnly BirthDate) Next()
    {
        var n = _next++;
        var born = new DateOnly(1960, 1, 1).AddDays(n / 900 % 12_000);
        var serial = 100 + n % 900;
        var ten = born.ToString("yyMMdd", CultureInfo.InvariantCulture) + serial.ToString("000", CultureInfo.InvariantCulture);
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            var product = (ten[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product / 10 + product % 10;
        }
        return (born.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + serial.ToString("000", CultureInfo.InvariantCulture) + (10 - sum % 10) % 10, born);
    }
}
