using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Brobygge.Auditing;
using Brobygge.Identity;
using Brobygge.Projects;
using Brobygge.Tests.Fixtures;
using Brobygge.Tests.Forms;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Brobygge.Tests.Administration;

/// <summary>An administrator sets up the organisation's users and projects in the browser, what the command line does:
/// invitations by a one-time link, roles, disabling, password links, projects with their follow-up windows; each change
/// audited, and nothing of another organisation within reach.</summary>
public abstract partial class AdministrationTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = app.Available();

    private const string NewPassword = "Ett-nytt-lösenord-42";

    private async Task<(Project Project, User Admin, HttpClient Client)> AdministratorAsync()
    {
        var project = await _app.CreateProjectAsync();
        var admin = await _app.CreateUserAsync(Roles.Administrator, project, member: false);
        return (project, admin, await _app.LoginAsync(admin));
    }

    private static async Task<string> PageOf(HttpResponseMessage response)
    {
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {page}");
        return page;
    }

    private static Uri LinkIn(string page)
        => new(SetPasswordLink().Match(page) is { Success: true } match ? match.Groups[1].Value : throw new Xunit.Sdk.XunitException("no set-password link on the page: " + page));

    [GeneratedRegex(@"<code class=""one-time-link"">([^<]+)</code>")]
    private static partial Regex SetPasswordLink();

    private Task<int> AuditCountAsync(Guid organisationId, AuditAction action, string entityType, Guid entityId)
        => _app.WithDbAsync((db, _) => db.AuditEvents.CountAsync(e => e.OrganisationId == organisationId && e.Action == action && e.EntityType == entityType && e.EntityId == entityId));

    [Fact]
    public async Task An_invited_user_sets_their_password_through_the_link_once_and_logs_in_with_their_role()
    {
        var (project, admin, client) = await AdministratorAsync();
        var email = $"invited-{Guid.NewGuid():N}@test.brobygge.se";

        var page = await PageOf(await BrobyggeApp.PostFormAsync(client, "/Administration/Users", new()
        {
            ["Input.Email"] = email, ["Input.DisplayName"] = "Ines Inbjuden", ["Input.Role"] = Roles.Coach, ["Input.ProjectId"] = project.Id.ToString(),
        }));
        var link = LinkIn(page);
        var set = await BrobyggeApp.PostFormAsync(_app.Anonymous(), link.PathAndQuery, new() { ["NewPassword"] = NewPassword, ["ConfirmPassword"] = NewPassword });
        var again = WebUtility.HtmlDecode(await _app.Anonymous().GetStringAsync(link.PathAndQuery));

        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Contains("Länken har redan använts eller har gått ut", again);
        var user = await _app.WithDbAsync((db, _) => db.Users.SingleAsync(u => u.Email == email));
        Assert.Equal((admin.OrganisationId, "Ines Inbjuden"), (user.OrganisationId, user.DisplayName));
        Assert.True(await _app.WithDbAsync((db, _) => db.ProjectMembers.AnyAsync(m => m.UserId == user.Id && m.ProjectId == project.Id)));
        Assert.Equal(1, await AuditCountAsync(admin.OrganisationId, AuditAction.Create, nameof(User), user.Id));
        var login = await BrobyggeApp.PostFormAsync(_app.Anonymous(), "/Identity/Login", new() { ["Email"] = email, ["Password"] = NewPassword });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
    }

    [Fact]
    public async Task An_invitation_with_a_field_wrong_names_it_and_creates_nobody()
    {
        var (_, admin, client) = await AdministratorAsync();
        var before = await _app.WithDbAsync((db, _) => db.Users.CountAsync(u => u.OrganisationId == admin.OrganisationId));

        var page = await PageOf(await BrobyggeApp.PostFormAsync(client, "/Administration/Users", new()
        {
            ["Input.Email"] = "inte en adress", ["Input.Role"] = "Kung",
        }));

        FieldErrors.AssertNamed(page, "Input.Email", "Det här är ingen e-postadress.");
        FieldErrors.AssertNamed(page, "Input.Role", "Välj en roll.");
        Assert.Equal(before, await _app.WithDbAsync((db, _) => db.Users.CountAsync(u => u.OrganisationId == admin.OrganisationId)));
    }

    [Fact]
    [Trait("Category", "Security")]
    public async Task An_expired_invitation_link_is_refused_and_sets_nothing()
    {
        var (project, _, _) = await AdministratorAsync();
        var invited = await _app.CreateUserAsync(Roles.Coach, project);
        // A token made as Identity makes them, once now and once four days ago (past the three-day lifespan).
        var (fresh, expired) = await _app.WithDbAsync(async (db, services) =>
        {
            var users = services.GetRequiredService<UserManager<User>>();
            var user = await users.FindByIdAsync(invited.Id.ToString());
            var stamp = await users.GetSecurityStampAsync(user!);
            var protector = services.GetRequiredService<IDataProtectionProvider>().CreateProtector("DataProtectorTokenProvider");
            string Token(DateTimeOffset made)
            {
                using var stream = new MemoryStream();
                using (var writer = new BinaryWriter(stream, new UTF8Encoding(false), leaveOpen: true))
                {
                    writer.Write(made.UtcTicks);
                    writer.Write(invited.Id.ToString());
                    writer.Write(UserManager<User>.ResetPasswordTokenPurpose);
                    writer.Write(stamp);
                }
                return Convert.ToBase64String(protector.Protect(stream.ToArray()));
            }
            return (Token(DateTimeOffset.UtcNow), Token(DateTimeOffset.UtcNow - Invitations.Lifespan - TimeSpan.FromDays(1)));
        });
        string Link(string token) => $"/Identity/SetPassword?userId={invited.Id}&token={Uri.EscapeDataString(token)}";

        var refused = WebUtility.HtmlDecode(await _app.Anonymous().GetStringAsync(Link(expired)));
        var post = await BrobyggeApp.PostFormAsync(_app.Anonymous(), Link(expired), new() { ["NewPassword"] = NewPassword, ["ConfirmPassword"] = NewPassword }, formPage: "/Identity/Login");
        var accepted = WebUtility.HtmlDecode(await _app.Anonymous().GetStringAsync(Link(fresh))); // the same token, made now, is one

        Assert.Contains("Länken har redan använts eller har gått ut", refused);
        Assert.Contains("Länken har redan använts eller har gått ut", WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync()));
        Assert.Contains("name=\"NewPassword\"", accepted);
        Assert.Equal(HttpStatusCode.Redirect, (await BrobyggeApp.PostFormAsync(_app.Anonymous(), "/Identity/Login",
            new() { ["Email"] = invited.Email!, ["Password"] = BrobyggeApp.Password })).StatusCode); // the old password still stands
    }

    [Fact]
    public async Task Disabling_a_user_ends_their_session_at_once_and_is_audited()
    {
        var (project, admin, client) = await AdministratorAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var coachClient = await _app.LoginAsync(coach);

        var disabled = await BrobyggeApp.PostFormAsync(client, $"/Administration/Account/{coach.Id}?handler=Disable", [], formPage: $"/Administration/Account/{coach.Id}");
        var after = await coachClient.GetAsync("/Participants");

        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.StartsWith("/Identity/Login", BrobyggeApp.PathOf(after.Headers.Location));
        Assert.Equal(1, await AuditCountAsync(admin.OrganisationId, AuditAction.Update, nameof(User), coach.Id));
        Assert.Equal(0, await AuditCountAsync(admin.OrganisationId, AuditAction.LoginFailed, nameof(User), coach.Id));
        Assert.Contains("Avstängd", WebUtility.HtmlDecode(await client.GetStringAsync($"/Administration/Account/{coach.Id}")));
    }

    [Fact]
    public async Task A_role_change_applies_to_the_users_next_request()
    {
        var (project, _, client) = await AdministratorAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var coachClient = await _app.LoginAsync(coach);

        var changed = await BrobyggeApp.PostFormAsync(client, $"/Administration/Account/{coach.Id}?handler=Role", new() { ["Input.Role"] = Roles.Evaluator },
            formPage: $"/Administration/Account/{coach.Id}");

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.StartsWith("/Identity/AccessDenied", BrobyggeApp.PathOf((await coachClient.GetAsync("/Participants")).Headers.Location));
    }

    [Fact]
    public async Task A_password_reset_gives_a_one_time_link_and_ends_the_old_password()
    {
        var (project, _, client) = await AdministratorAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);

        var page = await PageOf(await BrobyggeApp.PostFormAsync(client, $"/Administration/Account/{coach.Id}?handler=Reset", [], formPage: $"/Administration/Account/{coach.Id}"));
        var set = await BrobyggeApp.PostFormAsync(_app.Anonymous(), LinkIn(page).PathAndQuery, new() { ["NewPassword"] = NewPassword, ["ConfirmPassword"] = NewPassword });

        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await BrobyggeApp.PostFormAsync(_app.Anonymous(), "/Identity/Login",
            new() { ["Email"] = coach.Email!, ["Password"] = BrobyggeApp.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await BrobyggeApp.PostFormAsync(_app.Anonymous(), "/Identity/Login",
            new() { ["Email"] = coach.Email!, ["Password"] = NewPassword })).StatusCode);
    }

    [Fact]
    [Trait("Category", "Security")]
    public async Task An_administrator_cannot_see_or_change_a_user_of_another_organisation()
    {
        var (_, _, client) = await AdministratorAsync();
        var elsewhere = await _app.CreateProjectAsync();
        var theirCoach = await _app.CreateUserAsync(Roles.Coach, elsewhere);

        var read = await client.GetAsync($"/Administration/Account/{theirCoach.Id}");
        var disable = await BrobyggeApp.PostFormAsync(client, $"/Administration/Account/{theirCoach.Id}?handler=Disable", [], formPage: "/Administration/Users");
        var reset = await BrobyggeApp.PostFormAsync(client, $"/Administration/Account/{theirCoach.Id}?handler=Reset", [], formPage: "/Administration/Users");
        var project = await client.GetAsync($"/Administration/Project/{elsewhere.Id}");
        var list = WebUtility.HtmlDecode(await client.GetStringAsync("/Administration/Users"));

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound],
            [read.StatusCode, disable.StatusCode, reset.StatusCode, project.StatusCode]);
        Assert.DoesNotContain(theirCoach.Email!, list);
        var stored = await _app.WithDbAsync((db, _) => db.Users.AsNoTracking().SingleAsync(u => u.Id == theirCoach.Id));
        Assert.Equal((null, theirCoach.SecurityStamp), (stored.LockoutEnd, stored.SecurityStamp));
    }

    [Fact]
    [Trait("Category", "Security")]
    public async Task A_coach_cannot_reach_the_administration()
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.LoginAsync(await _app.CreateUserAsync(Roles.Coach, project));

        foreach (var url in new[] { "/Administration/Users", "/Administration/Projects", "/Administration/Organisation", $"/Administration/Project/{project.Id}" })
            Assert.StartsWith("/Identity/AccessDenied", BrobyggeApp.PathOf((await coach.GetAsync(url)).Headers.Location));
        var invite = await BrobyggeApp.PostFormAsync(coach, "/Administration/Users", new() { ["Input.Email"] = "x@test.brobygge.se", ["Input.Role"] = Roles.Administrator }, formPage: "/");
        Assert.StartsWith("/Identity/AccessDenied", BrobyggeApp.PathOf(invite.Headers.Location));
        Assert.False(await _app.WithDbAsync((db, _) => db.Users.AnyAsync(u => u.Email == "x@test.brobygge.se")));
    }

    [Fact]
    public async Task A_project_is_set_up_with_its_follow_up_windows_and_a_window_that_ends_before_it_begins_is_refused()
    {
        var (_, admin, client) = await AdministratorAsync();
        var code = "NY" + Guid.NewGuid().ToString("N")[..6];
        Dictionary<string, string> Project(string toDays) => new()
        {
            ["Input.Name"] = "Nytt projekt", ["Input.Code"] = code, ["Input.StartsOn"] = "2026-01-01", ["Input.EndsOn"] = "2028-12-31",
            ["Input.FunderProfile"] = "EsfPlus2021", ["Input.Districts"] = "Drottninghög\nNorra Fäladen",
            ["Input.FourWeekFollowUpFromDays"] = "7", ["Input.FourWeekFollowUpToDays"] = toDays,
        };

        var refused = await PageOf(await BrobyggeApp.PostFormAsync(client, "/Administration/Project", Project(toDays: "3")));
        Assert.Equal(0, await _app.WithDbAsync((db, _) => db.Projects.CountAsync(p => p.Code == code)));
        var saved = await BrobyggeApp.PostFormAsync(client, "/Administration/Project", Project(toDays: "42"));

        FieldErrors.AssertNamed(refused, "Input.FourWeekFollowUpToDays", "Perioden slutar innan den börjar.");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var project = await _app.WithDbAsync((db, _) => db.Projects.AsNoTracking().SingleAsync(p => p.Code == code));
        Assert.Equal((admin.OrganisationId, FunderProfileKind.EsfPlus2021, 7, 42, (int?)null), (project.OrganisationId, project.FunderProfile,
            project.FourWeekFollowUpFromDays!.Value, project.FourWeekFollowUpToDays!.Value, project.SixMonthFollowUpFromMonths));
        Assert.Equal(["Drottninghög", "Norra Fäladen"], project.Districts);
        Assert.Equal(1, await AuditCountAsync(admin.OrganisationId, AuditAction.Create, nameof(Project), project.Id));
    }
}

public sealed class SqliteAdministrationTests(SqliteApp app) : AdministrationTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresAdministrationTests(PostgresApp app) : AdministrationTests<PostgresApp>(app);
