using Brobygge.Identity;
using Brobygge.Tests.Fixtures;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Brobygge.Tests.Identity;

/// <summary>The account verbs of <c>brobygge users</c>: list, disable, enable, set-role, reset-password.</summary>
public abstract class UsersCommandTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = Available(app);

    private static TApp Available(TApp app)
    {
        app.SkipIfUnavailable();
        return app;
    }

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => _app.RunCommandLineWithOutputAsync(args);

    private static string LineOf(string output, string email) => Assert.Single(output.Split('\n'), line => line.StartsWith(email + " ", StringComparison.Ordinal));

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
}

public sealed class SqliteUsersCommandTests(SqliteApp app) : UsersCommandTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresUsersCommandTests(PostgresApp app) : UsersCommandTests<PostgresApp>(app);
