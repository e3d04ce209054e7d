using System.Net;
using Brobygge.Identity;
using Brobygge.Tests.Fixtures;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Brobygge.Tests.Fixtures.CommandLineTesting;

namespace Brobygge.Tests.Identity;

/// <summary>The account verbs of <c>brobygge users</c>: list, disable, enable, set-role, reset-password.</summary>
public abstract class UsersCommandTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = app.Available();

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => _app.RunCommandLineWithOutputAsync(args);

    private static string LineOf(string output, string email) => Assert.Single(output.Split('\n'), line => line.StartsWith(email + " ", StringComparison.Ordinal));

    private Task<(int Organisations, int Projects, int Goals, int Users, int Members)> CountAsync() => _app.CountWritesAsync();

    private Task<int> UsersWithEmailAsync(string email) => _app.UsersWithEmailAsync(email);

    /// <summary>The one-time set-password link `users add` prints, as a path on the test server.</summary>
    private static string LinkIn(string output)
    {
        var line = Assert.Single(output.Split('\n'), l => l.Contains("/Identity/SetPassword?", StringComparison.Ordinal));
        return new Uri(line.Trim()).PathAndQuery;
    }

    private Task<User> ReloadAsync(User user)
        => _app.WithDbAsync((db, _) => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id));

    [Fact]
    public async Task Users_list_shows_each_users_name_role_organisation_and_status()
    {
        var project = await _app.CreateProjectAsync();
        var organisation = await _app.WithDbAsync((db, _) => db.Organisations.Where(o => o.Id == project.OrganisationId).Select(o => o.Name).SingleAsync());
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var disabled = await _app.CreateUserAsync(Roles.Evaluator, project);
        var reset = await _app.CreateUserAsync(Roles.ProjectManager, project);
        Assert.Equal(0, (await RunAsync("users", "disable", "--email", disabled.Email!)).ExitCode);
        Assert.Equal(0, (await RunAsync("users", "reset-password", "--email", reset.Email!)).ExitCode);

        var (exitCode, output, error) = await RunAsync("users", "list");

        Assert.True(exitCode == 0, error);
        Assert.StartsWith("EMAIL ", output);
        Assert.Matches($@"^{coach.Email} +{coach.DisplayName} +Coach +{organisation} +active\s*$", LineOf(output, coach.Email!));
        Assert.Matches($@"^{disabled.Email} +{disabled.DisplayName} +Evaluator +{organisation} +disabled\s*$", LineOf(output, disabled.Email!));
        Assert.Matches($@"^{reset.Email} +{reset.DisplayName} +ProjectManager +{organisation} +active, must change password\s*$", LineOf(output, reset.Email!));
    }

    [Fact]
    public async Task Users_disable_and_enable_lock_and_unlock_the_account_and_disable_renews_the_security_stamp()
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);

        var disable = await RunAsync("users", "disable", "--email", coach.Email!.ToUpperInvariant());
        var disabled = await ReloadAsync(coach);
        var enable = await RunAsync("users", "enable", "--email", coach.Email!);
        var enabled = await ReloadAsync(coach);

        Assert.Equal((0, ""), (disable.ExitCode, disable.Error));
        Assert.Contains($"Disabled {coach.Email}", disable.Output);
        Assert.True(AccountStatus.IsDisabled(disabled));
        Assert.NotEqual(coach.SecurityStamp, disabled.SecurityStamp);
        Assert.Equal((0, ""), (enable.ExitCode, enable.Error));
        Assert.Contains($"Enabled {coach.Email}", enable.Output);
        Assert.Null(enabled.LockoutEnd);
    }

    [Fact]
    public async Task Users_set_role_replaces_the_role()
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);

        var (exitCode, output, error) = await RunAsync("users", "set-role", "--email", coach.Email!, "--role", "bridge-builder");

        Assert.True(exitCode == 0, error);
        Assert.Contains($"{coach.Email} is now {Roles.BridgeBuilder} (was {Roles.Coach})", output);
        var roles = await _app.WithDbAsync(async (_, services) => await services.GetRequiredService<UserManager<User>>().GetRolesAsync((await services.GetRequiredService<UserManager<User>>().FindByIdAsync(coach.Id.ToString()))!));
        Assert.Equal([Roles.BridgeBuilder], roles);
    }

    [Theory]
    [InlineData("disable")]
    [InlineData("enable")]
    [InlineData("reset-password")]
    [InlineData("set-role", "--role", "coach")]
    public async Task An_account_verb_for_an_unknown_address_says_so_and_changes_nothing(string verb, params string[] more)
    {
        var email = $"nobody-{Guid.NewGuid():N}@test.brobygge.se";
        var before = await _app.WithDbAsync((db, _) => db.Users.CountAsync());

        var (exitCode, output, error) = await RunAsync(["users", verb, "--email", email, .. more]);

        Assert.Equal(1, exitCode);
        Assert.Equal($"error: There is no user with e-mail {email}.", error.Trim());
        Assert.Equal("", output);
        Assert.Equal(before, await _app.WithDbAsync((db, _) => db.Users.CountAsync()));
    }

    [Fact]
    public async Task Users_set_role_with_an_unknown_role_says_so_and_keeps_the_role()
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);

        var (exitCode, _, error) = await RunAsync("users", "set-role", "--email", coach.Email!, "--role", "janitor");

        Assert.Equal(1, exitCode);
        Assert.Contains("--role 'janitor' is not a role; use one of: ProjectManager, Coach", error);
        var roles = await _app.WithDbAsync(async (_, services) => await services.GetRequiredService<UserManager<User>>().GetRolesAsync((await services.GetRequiredService<UserManager<User>>().FindByIdAsync(coach.Id.ToString()))!));
        Assert.Equal([Roles.Coach], roles);
    }

    [Fact]
    public async Task An_unknown_sub_verb_names_it_and_lists_the_users_verbs()
    {
        var (exitCode, output, error) = await RunAsync("users", "frobnicate");

        Assert.Equal(1, exitCode);
        Assert.Equal("", output);
        Assert.Contains("'frobnicate'", error);
        Assert.All(new[] { "add", "list", "disable", "enable", "set-role", "reset-password" }, verb => Assert.Contains("  " + verb, error));
    }

    // ---- users add ----

    [Fact]
    public async Task Users_add_creates_a_coach_in_the_projects_organisation_whose_printed_link_sets_the_password()
    {
        var project = await _app.CreateProjectAsync();
        var email = UniqueEmail("coach");

        var (exitCode, output, error) = await RunAsync("users", "add", "--email", email, "--role", "coach", "--project", project.Code, "--name", "Ahmad Karimi");

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.Contains($"Created {Roles.Coach} {email} in {project.Code}", output);
        var link = LinkIn(output);
        var (user, roles, member) = await _app.WithDbAsync(async (db, services) =>
        {
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == email);
            var roles = await services.GetRequiredService<UserManager<User>>().GetRolesAsync(user);
            var member = await db.ProjectMembers.AnyAsync(m => m.ProjectId == project.Id && m.UserId == user.Id && m.OrganisationId == project.OrganisationId);
            return (user, roles, member);
        });
        Assert.Equal(project.OrganisationId, user.OrganisationId);
        Assert.Equal("Ahmad Karimi", user.DisplayName);
        Assert.Equal(Roles.Coach, Assert.Single(roles));
        Assert.True(member, "the new user is not a member of the project");
        Assert.Null(user.PasswordHash); // nobody knows a password until the user chooses one

        const string chosen = "Chosen-password-789";
        var set = await BrobyggeApp.PostFormAsync(_app.Anonymous(), link, new() { ["NewPassword"] = chosen, ["ConfirmPassword"] = chosen });
        var wrong = await BrobyggeApp.PostFormAsync(_app.Anonymous(), "/Identity/Login", new() { ["Email"] = email, ["Password"] = chosen + "x" });
        var right = await BrobyggeApp.PostFormAsync(_app.Anonymous(), "/Identity/Login", new() { ["Email"] = email, ["Password"] = chosen });

        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
    }

    [Fact]
    public async Task Each_new_user_gets_a_link_of_their_own()
    {
        var project = await _app.CreateProjectAsync();

        var first = await RunAsync("users", "add", "--email", UniqueEmail("a"), "--role", "project-manager", "--project", project.Code);
        var second = await RunAsync("users", "add", "--email", UniqueEmail("b"), "--role", "bridge_builder", "--project", project.Code);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains($"Created {Roles.ProjectManager}", first.Output);
        Assert.Contains($"Created {Roles.BridgeBuilder}", second.Output);
        Assert.NotEqual(LinkIn(first.Output), LinkIn(second.Output));
    }

    [Theory]
    [InlineData("--role", "janitor", "--role 'janitor' is not a role; use one of: ProjectManager, Coach")]
    [InlineData("--email", "not-an-address", "--email 'not-an-address' is not an e-mail address")]
    [InlineData("--email", "Coach <coach@test.brobygge.se>", "is not an e-mail address")]
    [InlineData("--email", "coach@", "--email 'coach@' is not an e-mail address")]
    [InlineData("--project", "NO-SUCH-PROJECT", "no project with code 'NO-SUCH-PROJECT'")]
    public async Task Users_add_with_bad_input_says_what_is_wrong_and_creates_no_user(string option, string value, string message)
    {
        var project = await _app.CreateProjectAsync();
        var email = UniqueEmail("bad");
        var args = With(["users", "add", "--email", email, "--role", "coach", "--project", project.Code], option, value);
        var before = await CountAsync();

        var (exitCode, output, error) = await RunAsync(args);

        Assert.Equal(1, exitCode);
        Assert.Contains(message, error);
        Assert.DoesNotContain("SetPassword", output);
        Assert.Equal(before, await CountAsync());
        Assert.Equal(0, await UsersWithEmailAsync(email));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_second_user_with_the_same_email_is_refused_in_any_case(bool upperCase)
    {
        var project = await _app.CreateProjectAsync();
        var email = UniqueEmail("twice");
        Assert.Equal(0, (await RunAsync("users", "add", "--email", email, "--role", "coach", "--project", project.Code)).ExitCode);
        var again = upperCase ? email.ToUpperInvariant() : email;
        var before = await CountAsync();

        var (exitCode, output, error) = await RunAsync("users", "add", "--email", again, "--role", "evaluator", "--project", project.Code);

        Assert.Equal(1, exitCode);
        Assert.Contains($"A user with e-mail {again} already exists", error);
        Assert.DoesNotContain("SetPassword", output);
        Assert.Equal(before, await CountAsync());
        Assert.Equal(1, await UsersWithEmailAsync(email));
    }

    [Fact]
    public async Task Users_add_without_a_role_is_refused_by_the_parser()
    {
        var project = await _app.CreateProjectAsync();
        var email = UniqueEmail("norole");

        var (exitCode, _, error) = await RunAsync("users", "add", "--email", email, "--project", project.Code);

        Assert.Equal(1, exitCode);
        Assert.Contains("'--role' is required", error);
        Assert.Equal(0, await UsersWithEmailAsync(email));
    }

    [Fact]
    public async Task Users_add_refuses_a_name_longer_than_200_characters_with_a_clear_error()
    {
        var project = await _app.CreateProjectAsync();
        var email = UniqueEmail("longname");
        var before = await CountAsync();

        var (exitCode, _, error) = await RunAsync("users", "add", "--email", email, "--role", "coach", "--project", project.Code, "--name", new string('N', 201));

        Assert.Equal(before, await CountAsync());
        Assert.Equal(0, await UsersWithEmailAsync(email));
        Assert.Equal(1, exitCode);
        Assert.StartsWith("error: --name", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_add_refuses_an_email_address_too_long_to_be_one_with_a_clear_error()
    {
        // RFC 5321 allows 64 characters before the @; this one has 250, and is longer than a display name may be.
        var email = new string('a', 250) + "@test.brobygge.se";
        var project = await _app.CreateProjectAsync();
        var before = await CountAsync();

        var (exitCode, _, error) = await RunAsync("users", "add", "--email", email, "--role", "coach", "--project", project.Code);

        Assert.Equal(before, await CountAsync());
        Assert.Equal(1, exitCode);
        Assert.StartsWith("error: --email", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_add_with_a_blank_name_uses_the_email_address_as_the_display_name()
    {
        var project = await _app.CreateProjectAsync();
        var email = UniqueEmail("blank");

        var (exitCode, _, _) = await RunAsync("users", "add", "--email", email, "--role", "coach", "--project", project.Code, "--name", "  ");

        Assert.Equal(0, exitCode);
        Assert.Equal(email, await _app.WithDbAsync((db, _) => db.Users.Where(u => u.Email == email).Select(u => u.DisplayName).SingleAsync()));
    }
}

public sealed class SqliteUsersCommandTests(SqliteApp app) : UsersCommandTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresUsersCommandTests(PostgresApp app) : UsersCommandTests<PostgresApp>(app);
