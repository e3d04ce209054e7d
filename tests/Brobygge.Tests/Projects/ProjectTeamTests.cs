using System.Net;
using Brobygge.Auditing;
using Brobygge.Enrolments;
using Brobygge.FollowUps;
using Brobygge.Identity;
using Brobygge.Projects;
using Brobygge.Tests.Fixtures;
using Brobygge.Tests.Forms;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Tests.Projects;

/// <summary>A project manager keeps the staff and partner organisations of their projects, and their start page shows who
/// is without a coach and which follow-ups are past due across the projects.</summary>
public abstract class ProjectTeamTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = app.Available();

    private async Task<(Project Project, User Manager, HttpClient Client)> ManagerAsync()
    {
        var project = await _app.CreateProjectAsync();
        var manager = await _app.CreateUserAsync(Roles.ProjectManager, project);
        return (project, manager, await _app.LoginAsync(manager));
    }

    private static string Team(Project project) => $"/Projects/Team/{project.Id}";

    [Fact]
    public async Task A_manager_adds_a_colleague_and_a_partner_organisation_and_takes_the_partner_out_again()
    {
        var (project, manager, client) = await ManagerAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project, member: false);

        var added = await BrobyggeApp.PostFormAsync(client, Team(project) + "?handler=AddMember", new() { ["Member.UserId"] = coach.Id.ToString() }, formPage: Team(project));
        var refusedPartner = WebUtility.HtmlDecode(await (await BrobyggeApp.PostFormAsync(client, Team(project) + "?handler=AddPartner",
            new() { ["Partner.Name"] = "" }, formPage: Team(project))).Content.ReadAsStringAsync());
        var partner = await BrobyggeApp.PostFormAsync(client, Team(project) + "?handler=AddPartner",
            new() { ["Partner.Name"] = "Arbetsförmedlingen Helsingborg", ["Partner.Kind"] = "EmploymentService" }, formPage: Team(project));
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(Team(project)));
        var partnerId = await _app.WithDbAsync((db, _) => db.ProjectPartners.Where(p => p.ProjectId == project.Id).Select(p => p.Id).SingleAsync());
        var removed = await BrobyggeApp.PostFormAsync(client, Team(project) + "?handler=RemovePartner", new() { ["RemoveId"] = partnerId.ToString() }, formPage: Team(project));

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect], [added.StatusCode, partner.StatusCode, removed.StatusCode]);
        FieldErrors.AssertNamed(refusedPartner, "Partner.Name", "Ange samverkanspartens namn.");
        FieldErrors.AssertNamed(refusedPartner, "Partner.Kind", "Välj slag av organisation.");
        Assert.Contains(coach.DisplayName, page);
        Assert.Contains("Arbetsförmedlingen", page);
        Assert.True(await _app.WithDbAsync((db, _) => db.ProjectMembers.AnyAsync(m => m.ProjectId == project.Id && m.UserId == coach.Id)));
        Assert.False(await _app.WithDbAsync((db, _) => db.ProjectPartners.AnyAsync(p => p.ProjectId == project.Id)));
        Assert.Equal(3, await _app.WithDbAsync((db, _) => db.AuditEvents.CountAsync(e => e.UserId == manager.Id
            && (e.EntityType == nameof(ProjectMember) || e.EntityType == nameof(ProjectPartner)))));
    }

    [Fact]
    public async Task A_coach_with_participants_of_the_project_stays_in_it_until_they_are_handed_over()
    {
        var (project, _, client) = await ManagerAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        await _app.CreateParticipantAsync(project, coach);
        var memberId = await _app.WithDbAsync((db, _) => db.ProjectMembers.Where(m => m.ProjectId == project.Id && m.UserId == coach.Id).Select(m => m.Id).SingleAsync());

        var refused = await BrobyggeApp.PostFormAsync(client, Team(project) + "?handler=RemoveMember", new() { ["RemoveId"] = memberId.ToString() }, formPage: Team(project));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("lämna först över dem till en kollega", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.True(await _app.WithDbAsync((db, _) => db.ProjectMembers.AnyAsync(m => m.Id == memberId)));
    }

    [Fact]
    [Trait("Category", "Security")]
    public async Task A_manager_cannot_open_or_change_a_project_they_are_not_in()
    {
        var (_, _, client) = await ManagerAsync();
        var elsewhere = await _app.CreateProjectAsync();
        var theirCoach = await _app.CreateUserAsync(Roles.Coach, elsewhere, member: false);

        var read = await client.GetAsync(Team(elsewhere));
        var add = await BrobyggeApp.PostFormAsync(client, Team(elsewhere) + "?handler=AddMember", new() { ["Member.UserId"] = theirCoach.Id.ToString() }, formPage: "/");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (read.StatusCode, add.StatusCode));
        Assert.False(await _app.WithDbAsync((db, _) => db.ProjectMembers.AnyAsync(m => m.UserId == theirCoach.Id)));
    }

    [Fact]
    public async Task The_start_page_shows_participants_without_a_coach_and_follow_ups_past_due_of_the_managers_projects_only()
    {
        var (project, _, client) = await ManagerAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var withoutCoach = await _app.CreateParticipantAsync(project, firstName: "Utan");
        var followedUp = await _app.CreateParticipantAsync(project, coach, firstName: "Sen");
        var elsewhere = await _app.CreateParticipantAsync(await _app.CreateProjectAsync(), firstName: "Annan");
        await _app.WithDbAsync(async db =>
        {
            db.FollowUps.Add(new FollowUp { OrganisationId = project.OrganisationId, EnrolmentId = followedUp.Id, Kind = FollowUpKind.OnDemand, DueOn = new DateOnly(2025, 6, 1) });
            await db.SaveChangesAsync();
        });

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/"));

        Assert.Contains(withoutCoach.Person!.LastName, page);
        Assert.Contains(followedUp.Person!.LastName, page);
        Assert.DoesNotContain(elsewhere.Person!.LastName, page);
        Assert.Contains("Utan coach (1)", page);
        Assert.Contains("Försenade uppföljningar (1)", page);
        Assert.Contains(Team(project), page);
    }
}

public sealed class SqliteProjectTeamTests(SqliteApp app) : ProjectTeamTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresProjectTeamTests(PostgresApp app) : ProjectTeamTests<PostgresApp>(app);
