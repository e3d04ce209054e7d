using System.Net;
using Brobygge.Activities;
using Brobygge.Identity;
using Brobygge.Tests.Fixtures;
using Brobygge.Tests.Forms;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Tests.Identity;

/// <summary>Least privilege, enforced by the data layer: every page answers only with what the role may see.</summary>
[Trait("Category", "Security")]
public abstract class AccessRulesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = app.Available();

    private static async Task<HttpStatusCode> StatusOf(HttpClient client, string url) => (await client.GetAsync(url)).StatusCode;

    [Fact]
    public async Task A_coach_sees_their_own_participants_and_gets_not_found_for_anyone_elses()
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var colleague = await _app.CreateUserAsync(Roles.Coach, project);
        var mine = await _app.CreateParticipantAsync(project, coach);
        var theirs = await _app.CreateParticipantAsync(project, colleague);
        var client = await _app.LoginAsync(coach);

        Assert.Equal(HttpStatusCode.OK, await StatusOf(client, $"/Participants/Details/{mine.PersonId}"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusOf(client, $"/Participants/Details/{theirs.PersonId}"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusOf(client, $"/Participants/Edit/{theirs.PersonId}"));
        var list = await client.GetStringAsync("/Participants");
        Assert.Contains(mine.Person!.LastName, list);
        Assert.DoesNotContain(theirs.Person!.LastName, list);
    }

    [Fact]
    public async Task Posting_an_edit_for_someone_elses_participant_changes_nothing()
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var theirs = await _app.CreateParticipantAsync(project, await _app.CreateUserAsync(Roles.Coach, project));
        var mine = await _app.CreateParticipantAsync(project, coach);
        var client = await _app.LoginAsync(coach);

        // A valid token from a page the coach may open, sent to a participant they may not.
        var response = await BrobyggeApp.PostFormAsync(client, $"/Participants/Edit/{theirs.PersonId}",
            new() { ["Input.FirstName"] = "Hacked", ["Input.LastName"] = "X", ["Input.Gender"] = "Man", ["Input.BirthDate"] = "1990-01-01" },
            formPage: $"/Participants/Edit/{mine.PersonId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Amal", (await _app.WithDbAsync((db, _) => db.Persons.SingleAsync(p => p.Id == theirs.PersonId))).FirstName);
    }

    [Fact]
    public async Task A_project_manager_sees_every_participant_of_their_project_and_none_of_another()
    {
        var project = await _app.CreateProjectAsync();
        var otherProject = await _app.CreateProjectAsync();
        var manager = await _app.CreateUserAsync(Roles.ProjectManager, project);
        var inProject = await _app.CreateParticipantAsync(project, await _app.CreateUserAsync(Roles.Coach, project));
        var elsewhere = await _app.CreateParticipantAsync(otherProject, await _app.CreateUserAsync(Roles.Coach, otherProject));
        var client = await _app.LoginAsync(manager);

        Assert.Equal(HttpStatusCode.OK, await StatusOf(client, $"/Participants/Details/{inProject.PersonId}"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusOf(client, $"/Participants/Details/{elsewhere.PersonId}"));
    }

    [Theory]
    [InlineData(Roles.Evaluator)]
    [InlineData(Roles.EmployerLiaison)]
    [InlineData(Roles.PartnerLiaison)]
    [InlineData(Roles.Administrator)]
    public async Task Roles_without_a_need_are_refused_every_participant_page(string role)
    {
        var project = await _app.CreateProjectAsync();
        var participant = await _app.CreateParticipantAsync(project, await _app.CreateUserAsync(Roles.Coach, project));
        var client = await _app.LoginAsync(await _app.CreateUserAsync(role, project));

        foreach (var url in new[] { $"/Participants/Details/{participant.PersonId}", "/Participants", "/Participants/Create", "/Contacts" })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url}: {(int)response.StatusCode}");
            Assert.StartsWith("/Identity/AccessDenied", BrobyggeApp.PathOf(response.Headers.Location), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_ended_assignment_ends_the_coachs_access()
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var enrolment = await _app.CreateParticipantAsync(project, coach);
        await _app.WithDbAsync(async db =>
        {
            var assignment = await db.Assignments.SingleAsync(a => a.EnrolmentId == enrolment.Id);
            assignment.EndedOn = new DateOnly(2025, 6, 1);
            await db.SaveChangesAsync();
        });

        Assert.Equal(HttpStatusCode.NotFound, await StatusOf(await _app.LoginAsync(coach), $"/Participants/Details/{enrolment.PersonId}"));
    }

    [Fact]
    public async Task The_tenant_filter_holds_even_against_an_assignment_across_organisations()
    {
        var project = await _app.CreateProjectAsync();
        var otherOrganisation = await _app.CreateProjectAsync();
        var outsider = await _app.CreateUserAsync(Roles.Coach, otherOrganisation);
        // A row that should never exist: an assignment of an outsider to this organisation's participant.
        var enrolment = await _app.CreateParticipantAsync(project, outsider);

        await using var db = _app.CreateDb(BrobyggeApp.ScopeOf(outsider, Roles.Coach));
        Assert.False(await db.Enrolments.AnyAsync(e => e.Id == enrolment.Id));
        Assert.False(await db.Persons.AnyAsync(p => p.Id == enrolment.PersonId));
    }

    [Fact]
    public async Task A_participants_records_follow_the_visibility_of_the_enrolment()
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var colleague = await _app.CreateUserAsync(Roles.Coach, project);
        var mine = await _app.CreateParticipantAsync(project, coach);
        var theirs = await _app.CreateParticipantAsync(project, colleague);
        await _app.WithDbAsync(async db =>
        {
            foreach (var enrolment in new[] { mine, theirs })
                db.Activities.Add(new Activity { OrganisationId = project.OrganisationId, EnrolmentId = enrolment.Id, Kind = ActivityKind.Meeting, OccurredOn = new DateOnly(2025, 4, 1) });
            await db.SaveChangesAsync();
        });

        await using var db = _app.CreateDb(BrobyggeApp.ScopeOf(coach, Roles.Coach));
        var visible = await db.Activities.Select(a => a.EnrolmentId).ToListAsync();
        Assert.Equal([mine.Id], visible);
    }

    [Fact]
    public async Task A_coach_who_registered_a_participant_loses_access_when_it_is_handed_over()
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var successor = await _app.CreateUserAsync(Roles.Coach, project);
        var client = await _app.LoginAsync(coach);
        var created = await BrobyggeApp.PostFormAsync(client, "/Participants/Create", new()
        {
            ["Input.FirstName"] = "Ilyas", ["Input.LastName"] = "Handover", ["Input.Gender"] = "Man", ["Input.BirthDate"] = "1985-02-02",
            ["Enrolment.ProjectId"] = project.Id.ToString(), ["Enrolment.EnrolledOn"] = "2025-02-03", ["Enrolment.StatusAtEntry"] = "Unemployed",
        });
        var details = BrobyggeApp.PathOf(created.Headers.Location);
        var enrolmentId = await _app.WithDbAsync((db, _) => db.Enrolments.Where(e => e.Person!.LastName == "Handover" && e.ProjectId == project.Id).Select(e => e.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.OK, await StatusOf(client, details));

        var manager = await _app.LoginAsync(await _app.CreateUserAsync(Roles.ProjectManager, project));
        var assigned = await BrobyggeApp.PostFormAsync(manager, $"/Enrolments/Assign/{enrolmentId}", new() { ["Input.Role"] = "Coach", ["Input.StaffId"] = successor.Id.ToString() });

        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, await StatusOf(client, details));
        Assert.Equal(HttpStatusCode.OK, await StatusOf(await _app.LoginAsync(successor), details));
    }

    [Fact]
    public async Task A_coach_cannot_reopen_an_enrolment_of_someone_elses_participant()
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var earlier = await _app.CreateParticipantAsync(project, await _app.CreateUserAsync(Roles.Coach, project), enrolledOn: new DateOnly(2025, 1, 10));
        await _app.WithDbAsync(async db =>
        {
            var enrolment = await db.Enrolments.Include(e => e.FollowUps).Include(e => e.Periods).SingleAsync(e => e.Id == earlier.Id);
            enrolment.Exit(new DateOnly(2025, 3, 1), Brobygge.Enrolments.ExitReason.Moved);
            // The coach sees the person through a second project of the same organisation.
            var other = new Brobygge.Projects.Project { OrganisationId = project.OrganisationId, Code = "P2" + Guid.NewGuid().ToString("N")[..6], Name = "Andra", StartsOn = new DateOnly(2024, 1, 1), EndsOn = new DateOnly(2027, 12, 31) };
            db.Projects.Add(other);
            db.ProjectMembers.Add(new Brobygge.Projects.ProjectMember { OrganisationId = project.OrganisationId, ProjectId = other.Id, UserId = coach.Id });
            var second = new Brobygge.Enrolments.Enrolment { OrganisationId = project.OrganisationId, ProjectId = other.Id, PersonId = earlier.PersonId, Reference = "X-1", EnrolledOn = new DateOnly(2025, 4, 1) };
            second.Assignments.Add(new Brobygge.Enrolments.Assignment { OrganisationId = project.OrganisationId, EnrolmentId = second.Id, StaffId = coach.Id, Role = Brobygge.Enrolments.AssignmentRole.Coach, StartedOn = second.EnrolledOn });
            db.Enrolments.Add(second);
            await db.SaveChangesAsync();
        });

        var response = await BrobyggeApp.PostFormAsync(await _app.LoginAsync(coach), $"/Enrolments/Create/{earlier.PersonId}",
            new() { ["Input.ProjectId"] = project.Id.ToString(), ["Input.EnrolledOn"] = "2025-09-01", ["Input.StatusAtEntry"] = "Unemployed" });

        FieldErrors.AssertNamed(await response.Content.ReadAsStringAsync(), "Input.ProjectId", "inte din att öppna igen");
        var reopened = await _app.WithDbAsync((db, _) => db.Enrolments.SingleAsync(e => e.Id == earlier.Id));
        Assert.Equal(new DateOnly(2025, 3, 1), reopened.ExitedOn);
    }

    [Fact]
    public async Task Anonymous_requests_are_sent_to_the_login_form()
    {
        var response = await _app.Anonymous().GetAsync("/Participants");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Login", BrobyggeApp.PathOf(response.Headers.Location), StringComparison.Ordinal);
    }
}

public sealed class SqliteAccessRulesTests(SqliteApp app) : AccessRulesTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresAccessRulesTests(PostgresApp app) : AccessRulesTests<PostgresApp>(app);
