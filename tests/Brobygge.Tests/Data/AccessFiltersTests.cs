using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Tests.Data;

/// <summary>The places that look past a user's access are few, reviewed and listed in docs/architecture.md; a new one
/// fails here until it is reviewed and added.</summary>
[Trait("Category", "Security")]
public sealed partial class AccessFiltersTests
{
    /// <summary>Source file → how many times it looks past access, each for a reason given in docs/architecture.md.</summary>
    private static readonly Dictionary<string, int> Reviewed = new()
    {
        ["Contacts/ContactOperations.cs"] = 1,
        ["Enrolments/EnrolmentMilestones.cs"] = 9,
        ["Enrolments/EnrolmentOperations.cs"] = 5,
        ["Enrolments/EnrolmentsApi.cs"] = 1,
        ["Enrolments/StaffOperations.cs"] = 1,
        ["Imports/ImportCheck.cs"] = 3,
        ["Participants/ParticipantInput.cs"] = 2, // the identity number and the LMA number: duplicates the user may not see
        ["Reports/ReportAccess.cs"] = 1, // a project's figures for its managers and evaluators: counts and k-anonymous rows only
        ["Reports/GoalFigures.cs"] = 1, // aggregate figures of a project the reader may report on
        ["Reports/GoalReport.cs"] = 2, // the funnel's contacts and the caseloads, as counts
    };

    /// <summary>Source file → how many times it reads records past their corrections and removals (history views,
    /// as-known-at figures), each listed in docs/architecture.md.</summary>
    private static readonly Dictionary<string, int> ReviewedHistory = new()
    {
        ["Data/RecordOperations.cs"] = 1,
        ["Reports/Snapshots/SnapshotComparison.cs"] = 1, // the records changed since a report's snapshot, removals included
    };

    [Fact]
    public void Only_the_data_layer_ignores_query_filters_and_only_reviewed_places_look_past_access_or_into_history()
    {
        var source = SourceFolder();
        var files = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Path: Path.GetRelativePath(source, f).Replace('\\', '/'), Text: File.ReadAllText(f)))
            .ToList();

        var ignoring = files.Where(f => f.Text.Contains("IgnoreQueryFilters(", StringComparison.Ordinal)).Select(f => f.Path).ToList();
        Assert.Equal(["Data/AccessFilters.cs"], ignoring);

        var lookingPast = files.Select(f => (f.Path, Count: BeyondAccess().Count(f.Text))).Where(f => f.Count > 0 && f.Path != "Data/AccessFilters.cs")
            .ToDictionary(f => f.Path, f => f.Count);
        Assert.Equal(Reviewed.OrderBy(r => r.Key, StringComparer.Ordinal), lookingPast.OrderBy(r => r.Key, StringComparer.Ordinal));

        var withHistory = files.Select(f => (f.Path, Count: WithHistory().Count(f.Text))).Where(f => f.Count > 0 && f.Path != "Data/AccessFilters.cs")
            .ToDictionary(f => f.Path, f => f.Count);
        Assert.Equal(ReviewedHistory.OrderBy(r => r.Key, StringComparer.Ordinal), withHistory.OrderBy(r => r.Key, StringComparer.Ordinal));
    }

    private static string SourceFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Brobygge.slnx")))
                return Path.Combine(dir.FullName, "src", "Brobygge");
        throw new DirectoryNotFoundException($"No Brobygge.slnx above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"\.BeyondAccess<")]
    private static partial Regex BeyondAccess();

    [GeneratedRegex(@"\.WithHistory<")]
    private static partial Regex WithHistory();
}

/// <summary>Looking past access keeps the organisation: <c>BeyondAccess</c> lifts the role's filter, never the tenant's.</summary>
[Trait("Category", "Security")]
public abstract class BeyondAccessTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : Fixtures.BrobyggeApp
{
    [Fact]
    public async Task Looking_past_access_sees_the_organisations_rows_and_never_another_organisations()
    {
        app.SkipIfUnavailable();
        var project = await app.CreateProjectAsync();
        var coach = await app.CreateUserAsync(Brobygge.Identity.Roles.Coach, project);
        var colleagues = await app.CreateParticipantAsync(project, await app.CreateUserAsync(Brobygge.Identity.Roles.Coach, project));
        var elsewhere = await app.CreateProjectAsync();
        var theirs = await app.CreateParticipantAsync(elsewhere, await app.CreateUserAsync(Brobygge.Identity.Roles.Coach, elsewhere));
        await using var db = app.CreateDb(Fixtures.BrobyggeApp.ScopeOf(coach, Brobygge.Identity.Roles.Coach));

        var persons = await db.BeyondAccess<Brobygge.Participants.Person>().Select(p => p.Id).ToListAsync();
        var enrolments = await db.BeyondAccess<Brobygge.Enrolments.Enrolment>().Select(e => e.Id).ToListAsync();

        Assert.False(await db.Persons.AnyAsync(p => p.Id == colleagues.PersonId)); // the role's filter hides it…
        Assert.Contains(colleagues.PersonId, persons); // …looking past access finds it…
        Assert.Contains(colleagues.Id, enrolments);
        Assert.DoesNotContain(theirs.PersonId, persons); // …and the other organisation stays out of sight.
        Assert.DoesNotContain(theirs.Id, enrolments);
    }
}

public sealed class SqliteBeyondAccessTests(Fixtures.SqliteApp app) : BeyondAccessTests<Fixtures.SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresBeyondAccessTests(Fixtures.PostgresApp app) : BeyondAccessTests<Fixtures.PostgresApp>(app);
