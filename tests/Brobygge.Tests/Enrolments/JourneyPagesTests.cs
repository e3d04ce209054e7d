using System.Net;
using Brobygge.Enrolments;
using Brobygge.FollowUps;
using Brobygge.Identity;
using Brobygge.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Tests.Enrolments;

/// <summary>The journey's forms through the real pipeline: bad input names the field and writes nothing.</summary>
public abstract class JourneyPagesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = Available(app);

    private static TApp Available(TApp app)
    {
        app.SkipIfUnavailable();
        return app;
    }

    private static async Task<string> PageOf(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task Re_entry_keeps_the_one_enrolment_and_its_start_date_and_clears_the_exit()
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var enrolment = await _app.CreateParticipantAsync(project, coach, enrolledOn: new DateOnly(2025, 1, 10));
        var client = await _app.LoginAsync(coach);
        var version = await _app.WithDbAsync((db, _) => db.Enrolments.Where(e => e.Id == enrolment.Id).Select(e => e.Version).SingleAsync());
        var exit = await BrobyggeApp.PostFormAsync(client, $"/Enrolments/Exit/{enrolment.Id}", new() { ["Input.ExitedOn"] = "2025-04-01", ["Input.Reason"] = "Moved", ["Input.Version"] = version.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, exit.StatusCode);

        var again = await BrobyggeApp.PostFormAsync(client, $"/Enrolments/Create/{enrolment.PersonId}",
            new() { ["Input.ProjectId"] = project.Id.ToString(), ["Input.EnrolledOn"] = "2025-09-01", ["Input.StatusAtEntry"] = "Unemployed" });

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var enrolments = await _app.WithDbAsync((db, _) => db.Enrolments.Include(e => e.FollowUps).Where(e => e.PersonId == enrolment.PersonId).ToListAsync());
        var single = Assert.Single(enrolments);
        Assert.Equal(new DateOnly(2025, 1, 10), single.EnrolledOn);
        Assert.Null(single.ExitedOn);
        Assert.Empty(single.FollowUps);
    }

    [Fact]
    public async Task Enrolling_someone_already_active_in_the_project_is_refused()
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var enrolment = await _app.CreateParticipantAsync(project, coach);

        var response = await BrobyggeApp.PostFormAsync(await _app.LoginAsync(coach), $"/Enrolments/Create/{enrolment.PersonId}",
            new() { ["Input.ProjectId"] = project.Id.ToString(), ["Input.EnrolledOn"] = "2025-09-01", ["Input.StatusAtEntry"] = "Unemployed" });

        Assert.Contains("redan inskriven", await PageOf(response));
        Assert.Equal(1, await _app.WithDbAsync((db, _) => db.Enrolments.CountAsync(e => e.PersonId == enrolment.PersonId)));
    }

    [Fact]
    public async Task An_exit_posted_without_the_version_it_was_read_at_is_refused()
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var enrolment = await _app.CreateParticipantAsync(project, coach, enrolledOn: new DateOnly(2025, 1, 10));

        var response = await BrobyggeApp.PostFormAsync(await _app.LoginAsync(coach), $"/Enrolments/Exit/{enrolment.Id}", new() { ["Input.ExitedOn"] = "2025-04-01", ["Input.Reason"] = "Moved", ["Input.Version"] = "" });

        Assert.Contains("Formuläret är inaktuellt", await PageOf(response));
        Assert.Null((await _app.WithDbAsync((db, _) => db.Enrolments.SingleAsync(e => e.Id == enrolment.Id))).ExitedOn);
    }

    [Fact]
    public async Task Enrolling_a_contact_keeps_its_bridge_builder_on_the_participant()
    {
        var project = await _app.CreateProjectAsync();
        var bridgeBuilder = await _app.CreateUserAsync(Roles.BridgeBuilder, project);
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var lastName = "Bro" + Guid.NewGuid().ToString("N")[..5];
        await BrobyggeApp.PostFormAsync(await _app.LoginAsync(bridgeBuilder), "/Contacts/Create", new()
        {
            ["Input.FirstName"] = "Saba", ["Input.LastName"] = lastName, ["Input.Gender"] = "Woman", ["Input.BirthDate"] = "1990-03-03",
            ["Contact.ProjectId"] = project.Id.ToString(), ["Contact.ContactedOn"] = "2025-05-05",
        });
        var personId = await _app.WithDbAsync((db, _) => db.Persons.Where(p => p.LastName == lastName).Select(p => p.Id).SingleAsync());

        var enrolled = await BrobyggeApp.PostFormAsync(await _app.LoginAsync(coach), $"/Enrolments/Create/{personId}",
            new() { ["Input.ProjectId"] = project.Id.ToString(), ["Input.EnrolledOn"] = "2025-05-20", ["Input.StatusAtEntry"] = "Unemployed" });

        Assert.Equal(HttpStatusCode.Redirect, enrolled.StatusCode);
        var roles = await _app.WithDbAsync((db, _) => db.Assignments.Where(a => a.Enrolment!.PersonId == personId && a.EndedOn == null).Select(a => new { a.StaffId, a.Role }).ToListAsync());
        Assert.Contains(roles, a => a.StaffId == coach.Id && a.Role == AssignmentRole.Coach);
        Assert.Contains(roles, a => a.StaffId == bridgeBuilder.Id && a.Role == AssignmentRole.BridgeBuilder);
        var enrolment = await _app.WithDbAsync((db, _) => db.Enrolments.SingleAsync(e => e.PersonId == personId));
        Assert.Equal(new DateOnly(2025, 5, 5), enrolment.ContactedOn);
    }


    [Theory]
    [InlineData("Input.Kind", "", "typ av aktivitet")]
    [InlineData("Input.OccurredOn", "2024-01-01", "före första kontakt")]
    [InlineData("Input.Language", "somali", "ISO 639")]
    [InlineData("Input.EmployerName", "", "arbetsgivaren")]
    public async Task A_bad_activity_is_refused_with_the_field_named(string field, string value, string message)
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var enrolment = await _app.CreateParticipantAsync(project, coach, enrolledOn: new DateOnly(2025, 1, 10));
        var form = new Dictionary<string, string>
        {
            ["Input.Kind"] = "Internship", ["Input.OccurredOn"] = "2025-03-03", ["Input.EndsOn"] = "2025-04-30", ["Input.EmployerName"] = "ICA", ["Input.Language"] = "so",
        };
        form[field] = value;

        var response = await BrobyggeApp.PostFormAsync(await _app.LoginAsync(coach), $"/Activities/New/{enrolment.Id}", form);

        Assert.Contains(message, await PageOf(response), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await _app.WithDbAsync((db, _) => db.Activities.CountAsync(a => a.EnrolmentId == enrolment.Id)));
    }

    [Fact]
    public async Task A_follow_up_needs_how_the_person_was_reached_unless_they_were_not()
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var created = await _app.CreateParticipantAsync(project, coach, enrolledOn: new DateOnly(2025, 1, 10));
        var (followUpId, version) = await _app.WithDbAsync(async (db, _) =>
        {
            var enrolment = await db.Enrolments.Include(e => e.FollowUps).SingleAsync(e => e.Id == created.Id);
            enrolment.Exit(new DateOnly(2025, 3, 1), ExitReason.Employed);
            await db.SaveChangesAsync();
            var fourWeeks = enrolment.FollowUps.Single(f => f.Kind == FollowUpKind.FourWeeks);
            return (fourWeeks.Id, fourWeeks.Version.ToString());
        });
        var client = await _app.LoginAsync(coach);

        var refused = await BrobyggeApp.PostFormAsync(client, $"/FollowUps/Record/{followUpId}", new() { ["Input.RecordedOn"] = "2025-03-29", ["Input.Status"] = "Studying", ["Input.Version"] = version });
        Assert.Contains("Välj hur personen nåddes", await PageOf(refused));
        Assert.Null((await _app.WithDbAsync((db, _) => db.FollowUps.SingleAsync(f => f.Id == followUpId))).RecordedOn);

        var unreached = await BrobyggeApp.PostFormAsync(client, $"/FollowUps/Record/{followUpId}", new() { ["Input.RecordedOn"] = "2025-03-29", ["Input.Status"] = "Unreached", ["Input.Version"] = version });
        Assert.Equal(HttpStatusCode.Redirect, unreached.StatusCode);
        Assert.Equal(FollowUpStatus.Unreached, (await _app.WithDbAsync((db, _) => db.FollowUps.SingleAsync(f => f.Id == followUpId))).Status);
    }

    [Fact]
    public async Task Another_coachs_enrolment_is_not_found_on_every_journey_page()
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var theirs = await _app.CreateParticipantAsync(project, await _app.CreateUserAsync(Roles.Coach, project));
        var client = await _app.LoginAsync(coach);

        foreach (var url in new[] { "/Activities/New/", "/Outcomes/New/", "/Plans/Step/", "/Enrolments/Exit/", "/Enrolments/Assign/" })
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url + theirs.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Enrolments/Create/{theirs.PersonId}")).StatusCode);
    }

    [Fact]
    public async Task A_contact_is_registered_with_its_person_and_waits_for_enrolment()
    {
        var project = await _app.CreateProjectAsync();
        var bridgeBuilder = await _app.CreateUserAsync(Roles.BridgeBuilder, project);
        var client = await _app.LoginAsync(bridgeBuilder);
        var lastName = "Kontakt" + Guid.NewGuid().ToString("N")[..5];

        var response = await BrobyggeApp.PostFormAsync(client, "/Contacts/Create", new()
        {
            ["Input.FirstName"] = "Yonas", ["Input.LastName"] = lastName, ["Input.Gender"] = "Man", ["Input.BirthDate"] = "1988-07-01",
            ["Contact.ProjectId"] = project.Id.ToString(), ["Contact.ContactedOn"] = "2025-05-05", ["Contact.Language"] = "ti", ["Contact.BridgeBuilderId"] = "",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var contact = await _app.WithDbAsync((db, _) => db.Contacts.SingleAsync(c => c.Person!.LastName == lastName));
        Assert.Equal(bridgeBuilder.Id, contact.BridgeBuilderId);
        Assert.Equal("ti", contact.Language);
        Assert.Contains(lastName, await client.GetStringAsync("/Contacts"));
    }
}

public sealed class SqliteJourneyPagesTests(SqliteApp app) : JourneyPagesTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresJourneyPagesTests(PostgresApp app) : JourneyPagesTests<PostgresApp>(app);
