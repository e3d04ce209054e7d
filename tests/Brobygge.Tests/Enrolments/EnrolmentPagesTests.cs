using System.Net;
using Brobygge.Enrolments;
using Brobygge.FollowUps;
using Brobygge.Identity;
using Brobygge.Tests.Fixtures;
using Brobygge.Tests.Forms;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Tests.Enrolments;

/// <summary>The enrol and exit forms through the real pipeline: bad input names the field and writes nothing.</summary>
public abstract class EnrolmentPagesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = app.Available();

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

        FieldErrors.AssertNamed(await PageOf(response), "Input.ProjectId", "redan inskriven");
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
}

public sealed class SqliteEnrolmentPagesTests(SqliteApp app) : EnrolmentPagesTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresEnrolmentPagesTests(PostgresApp app) : EnrolmentPagesTests<PostgresApp>(app);
