using System.Net;
using Brobygge.Demo;
using Brobygge.Identity;
using Brobygge.Participants;
using Brobygge.Projects;
using Brobygge.Tests.Fixtures;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Brobygge.Tests;

/// <summary>The verbs of <c>brobygge &lt;verb&gt;</c>, run in-process against the test database.</summary>
public abstract partial class CommandLineTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = Available(app);

    private static TApp Available(TApp app)
    {
        app.SkipIfUnavailable();
        return app;
    }

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    private static string UniqueEmail(string who) => $"{who}-{Guid.NewGuid():N}@test.brobygge.se";

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => _app.RunCommandLineWithOutputAsync(args);

    private static string[] ProjectsAdd(string code, string organisation, string name = "Rekrytera", string start = "2026-01-01", string end = "2027-12-31")
        => ["projects", "add", "--code", code, "--name", name, "--start", start, "--end", end, "--organisation", organisation];

    private static string[] Without(string[] args, string option)
    {
        var at = Array.IndexOf(args, option);
        return [.. args[..at], .. args[(at + 2)..]];
    }

    private static string[] With(string[] args, string option, string value)
    {
        var changed = args.ToArray();
        changed[Array.IndexOf(args, option) + 1] = value;
        return changed;
    }

    /// <summary>Everything the verbs write, counted, so a refused command can be shown to have written nothing.</summary>
    private Task<(int Organisations, int Projects, int Goals, int Users, int Members)> CountAsync()
        => _app.WithDbAsync(async (db, _) => (
            await db.Organisations.CountAsync(), await db.Projects.CountAsync(), await db.Goals.CountAsync(),
            await db.Users.CountAsync(), await db.ProjectMembers.CountAsync()));

    private Task<List<Goal>> GoalsOfAsync(Project project)
        => _app.WithDbAsync((db, _) => db.Goals.AsNoTracking().Where(g => g.ProjectId == project.Id).ToListAsync());

    private static int Target(List<Goal> goals, GoalIndicator indicator, Gender? gender = null)
        => Assert.Single(goals, g => g.Indicator == indicator && g.Gender == gender).Target;

    /// <summary>The one-time set-password link `users add` prints, as a path on the test server.</summary>
    private static string LinkIn(string output)
    {
        var line = Assert.Single(output.Split('\n'), l => l.Contains("/Identity/SetPassword?", StringComparison.Ordinal));
        return new Uri(line.Trim()).PathAndQuery;
    }

    private Task<int> UsersWithEmailAsync(string email)
    {
        var normalized = email.ToUpperInvariant();
        return _app.WithDbAsync((db, _) => db.Users.CountAsync(u => u.NormalizedEmail == normalized));
    }

    // ---- projects add ----

    [Fact]
    public async Task Projects_add_creates_the_project_in_the_named_organisation_and_says_so()
    {
        var code = Unique("REK");
        var organisation = Unique("Stad");

        var (exitCode, output, error) = await RunAsync([.. ProjectsAdd(code, organisation, name: "Rekrytera Drottninghög"), "--funder", "ESF+"]);

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.Contains(code, output);
        Assert.Contains("Rekrytera Drottninghög", output);
        Assert.Contains(organisation, output);
        var (project, organisationName) = await _app.WithDbAsync(async (db, _) =>
        {
            var project = await db.Projects.SingleAsync(p => p.Code == code);
            return (project, (await db.Organisations.SingleAsync(o => o.Id == project.OrganisationId)).Name);
        });
        Assert.Equal("Rekrytera Drottninghög", project.Name);
        Assert.Equal(new DateOnly(2026, 1, 1), project.StartsOn);
        Assert.Equal(new DateOnly(2027, 12, 31), project.EndsOn);
        Assert.Equal("ESF+", project.Funder);
        Assert.Equal(organisation, organisationName);
    }

    [Fact]
    public async Task A_second_project_with_the_same_code_is_refused_by_code_and_writes_nothing_more()
    {
        var code = Unique("DUP");
        var args = ProjectsAdd(code, Unique("Stad"));
        Assert.Equal(0, (await RunAsync(args)).ExitCode);
        var before = await CountAsync();

        var (exitCode, output, error) = await RunAsync(args);

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"'{code}' already exists", error);
        Assert.Equal("", output);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Another_organisation_may_use_the_same_project_code()
    {
        var code = Unique("SHARED");
        Assert.Equal(0, (await RunAsync(ProjectsAdd(code, Unique("Helsingborg")))).ExitCode);

        var (exitCode, _, error) = await RunAsync(ProjectsAdd(code, Unique("Örebro")));

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        var owners = await _app.WithDbAsync((db, _) => db.Projects.Where(p => p.Code == code).Select(p => p.OrganisationId).ToListAsync());
        Assert.Equal(2, owners.Distinct().Count());
    }

    [Theory]
    [InlineData("--end", "2025-12-31", "--end 2025-12-31 is before --start 2026-01-01")]
    [InlineData("--start", "2026-13-01", "--start '2026-13-01' is not a date")]
    [InlineData("--start", "2026-02-30", "--start '2026-02-30' is not a date")]
    [InlineData("--end", "31/12/2027", "--end '31/12/2027' is not a date")]
    [InlineData("--code", "REK RYT", "--code 'REK RYT'")]
    [InlineData("--code", "REK/1", "--code 'REK/1'")]
    [InlineData("--name", "  ", "--name")]
    public async Task Projects_add_with_bad_input_says_what_is_wrong_and_changes_nothing(string option, string value, string message)
    {
        var organisation = Unique("Stad");
        var args = With(ProjectsAdd(Unique("BAD"), organisation), option, value);
        var before = await CountAsync();

        var (exitCode, output, error) = await RunAsync(args);

        Assert.NotEqual(0, exitCode);
        Assert.Contains(message, error);
        Assert.Equal("", output);
        Assert.Equal(before, await CountAsync());
        Assert.False(await _app.WithDbAsync((db, _) => db.Organisations.AnyAsync(o => o.Name == organisation)));
    }

    [Theory]
    [InlineData("--code")]
    [InlineData("--name")]
    [InlineData("--start")]
    [InlineData("--end")]
    public async Task Projects_add_without_a_required_option_names_it_and_changes_nothing(string option)
    {
        var args = Without(ProjectsAdd(Unique("MISS"), Unique("Stad")), option);
        var before = await CountAsync();

        var (exitCode, output, error) = await RunAsync(args);

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"'{option}' is required", error);
        Assert.DoesNotContain("Created", output);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Projects_add_without_an_organisation_when_there_are_several_asks_for_one()
    {
        await _app.CreateProjectAsync();
        await _app.CreateProjectAsync();
        var code = Unique("NOORG");
        var before = await CountAsync();

        var (exitCode, _, error) = await RunAsync(Without(ProjectsAdd(code, "unused"), "--organisation"));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("--organisation", error);
        Assert.Equal(before, await CountAsync());
    }

    // ---- goals set ----

    [Fact]
    public async Task Goals_set_stores_one_goal_per_indicator_for_everyone()
    {
        var project = await _app.CreateProjectAsync();

        var (exitCode, output, error) = await RunAsync("goals", "set", "--project", project.Code, "participants=330", "employed=115", "studying=50", "retained_6m=98");

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.Contains($"{project.Code}: participants = 330", output);
        Assert.Contains($"{project.Code}: retained_6m = 98", output);
        var goals = await GoalsOfAsync(project);
        Assert.Equal(4, goals.Count);
        Assert.All(goals, g => Assert.Null(g.Gender));
        Assert.All(goals, g => Assert.Equal(project.OrganisationId, g.OrganisationId));
        Assert.Equal(330, Target(goals, GoalIndicator.Participants));
        Assert.Equal(115, Target(goals, GoalIndicator.Employed));
        Assert.Equal(50, Target(goals, GoalIndicator.Studying));
        Assert.Equal(98, Target(goals, GoalIndicator.Retained6m));
    }

    [Fact]
    public async Task A_goal_for_one_gender_is_stored_beside_the_goal_for_everyone()
    {
        var project = await _app.CreateProjectAsync();
        Assert.Equal(0, (await RunAsync("goals", "set", "--project", project.Code, "employed=115")).ExitCode);

        var (exitCode, output, _) = await RunAsync("goals", "set", "--project", project.Code, "employed:woman=50");

        Assert.Equal(0, exitCode);
        Assert.Contains($"{project.Code}: employed:woman = 50", output);
        var goals = await GoalsOfAsync(project);
        Assert.Equal(2, goals.Count);
        Assert.Equal(115, Target(goals, GoalIndicator.Employed));
        Assert.Equal(50, Target(goals, GoalIndicator.Employed, Gender.Woman));
    }

    [Fact]
    public async Task Setting_goals_again_updates_the_ones_named_and_keeps_the_others_without_duplicate_rows()
    {
        var project = await _app.CreateProjectAsync();
        Assert.Equal(0, (await RunAsync("goals", "set", "--project", project.Code, "participants=330", "studying=50", "employed:woman=50")).ExitCode);

        var (exitCode, _, error) = await RunAsync("goals", "set", "--project", project.Code, "participants=340", "employed:kvinna=55");

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        var goals = await GoalsOfAsync(project);
        Assert.Equal(3, goals.Count);
        Assert.Equal(340, Target(goals, GoalIndicator.Participants));
        Assert.Equal(50, Target(goals, GoalIndicator.Studying));
        Assert.Equal(55, Target(goals, GoalIndicator.Employed, Gender.Woman));
    }

    [Theory]
    [InlineData("jobs=5", "'jobs' is not an indicator")]
    [InlineData("employed=-3", "'-3' in 'employed=-3'")]
    [InlineData("employed=abc", "'abc' in 'employed=abc'")]
    [InlineData("employed:girl=5", "'girl' is not a gender")]
    [InlineData("employed", "'employed' is not indicator=value")]
    [InlineData("studying=10000001", "'10000001'")]
    [InlineData("participants=400", "'participants=400' sets the same goal twice")]
    public async Task One_bad_target_among_good_ones_saves_none_of_the_line(string bad, string message)
    {
        var project = await _app.CreateProjectAsync();
        Assert.Equal(0, (await RunAsync("goals", "set", "--project", project.Code, "participants=100")).ExitCode);

        var (exitCode, output, error) = await RunAsync("goals", "set", "--project", project.Code, "participants=330", bad, "studying=50");

        Assert.NotEqual(0, exitCode);
        Assert.Contains(message, error);
        Assert.Equal("", output);
        var goal = Assert.Single(await GoalsOfAsync(project));
        Assert.Equal((GoalIndicator.Participants, (Gender?)null, 100), (goal.Indicator, goal.Gender, goal.Target));
    }

    [Fact]
    public async Task Goals_for_an_unknown_project_are_refused_by_code()
    {
        var code = Unique("NOPE");
        var before = await CountAsync();

        var (exitCode, _, error) = await RunAsync("goals", "set", "--project", code, "participants=330");

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"no project with code '{code}'", error);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Goals_for_a_code_that_two_organisations_use_are_refused_as_ambiguous()
    {
        var code = Unique("TWICE");
        await _app.CreateProjectAsync(code);
        await _app.CreateProjectAsync(code);
        var before = await CountAsync();

        var (exitCode, _, error) = await RunAsync("goals", "set", "--project", code, "participants=330");

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"Several organisations have a project with code '{code}'", error);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Goals_set_without_targets_is_refused_by_the_parser()
    {
        var project = await _app.CreateProjectAsync();

        var (exitCode, _, error) = await RunAsync("goals", "set", "--project", project.Code);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Required argument missing for command: 'set'", error);
        Assert.Empty(await GoalsOfAsync(project));
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

        Assert.NotEqual(0, exitCode);
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

        Assert.NotEqual(0, exitCode);
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

        Assert.NotEqual(0, exitCode);
        Assert.Contains("'--role' is required", error);
        Assert.Equal(0, await UsersWithEmailAsync(email));
    }

    // ---- seed-demo ----

    [Fact]
    public async Task Seed_demo_refuses_a_database_that_already_has_data()
    {
        await _app.CreateProjectAsync();
        var before = await CountAsync();

        var (exitCode, output, error) = await RunAsync("seed-demo");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("not empty", error);
        Assert.DoesNotContain(DemoData.Password, output);
        Assert.Equal(before, await CountAsync());
        Assert.False(await _app.WithDbAsync((db, _) => db.Organisations.AnyAsync(o => o.Name == DemoData.OrganisationName)));
    }

    // ---- help ----

    [Theory]
    [InlineData("projects add", "--code --name --start --end --funder --organisation")]
    [InlineData("goals set", "--project <targets> retained_6m non_binary")]
    [InlineData("users add", "--email --role --project --name --organisation ProjectManager Coach Evaluator")]
    [InlineData("seed-demo", "empty database")]
    [InlineData("migrate", "migrations")]
    [InlineData("projects", "add")]
    [InlineData("goals", "set")]
    [InlineData("users", "add")]
    public async Task Help_on_a_verb_prints_its_options_and_does_nothing_else(string verb, string expected)
    {
        var before = await CountAsync();

        var (exitCode, output, error) = await RunAsync([.. verb.Split(' '), "--help"]);

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.Contains("Usage:", output);
        Assert.Contains(verb, output);
        Assert.All(expected.Split(' '), word => Assert.Contains(word, output));
        Assert.Equal(before, await CountAsync());
    }
}

public sealed class SqliteCommandLineTests(SqliteApp app) : CommandLineTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresCommandLineTests(PostgresApp app) : CommandLineTests<PostgresApp>(app);
