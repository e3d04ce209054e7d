using System.Net;
using Brobygge.Demo;
using Brobygge.Identity;
using Brobygge.Participants;
using Brobygge.Projects;
using Brobygge.Tests.Fixtures;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Brobygge.Tests.Fixtures.CommandLineTesting;

namespace Brobygge.Tests.Projects;

/// <summary>The verbs <c>brobygge projects</c> and <c>brobygge goals</c>, run in-process against the test database.</summary>
public abstract partial class ProjectsCommandTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = app.Available();

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => _app.RunCommandLineWithOutputAsync(args);

    private static string[] ProjectsAdd(string code, string organisation, string name = "Rekrytera", string start = "2026-01-01", string end = "2027-12-31")
        => ["projects", "add", "--code", code, "--name", name, "--start", start, "--end", end, "--organisation", organisation];

    private Task<(int Organisations, int Projects, int Goals, int Users, int Members)> CountAsync() => _app.CountWritesAsync();

    private Task<List<Goal>> GoalsOfAsync(Project project)
        => _app.WithDbAsync((db, _) => db.Goals.AsNoTracking().Where(g => g.ProjectId == project.Id).ToListAsync());

    private static int Target(List<Goal> goals, GoalIndicator indicator, Gender? gender = null)
        => Assert.Single(goals, g => g.Indicator == indicator && g.Gender == gender).Target;

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

        Assert.Equal(1, exitCode);
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

        Assert.Equal(1, exitCode);
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

        Assert.Equal(1, exitCode);
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

        Assert.Equal(1, exitCode);
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

        Assert.Equal(1, exitCode);
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

        Assert.Equal(1, exitCode);
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

        Assert.Equal(1, exitCode);
        Assert.Contains($"Several organisations have a project with code '{code}'", error);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Goals_set_without_targets_is_refused_by_the_parser()
    {
        var project = await _app.CreateProjectAsync();

        var (exitCode, _, error) = await RunAsync("goals", "set", "--project", project.Code);

        Assert.Equal(1, exitCode);
        Assert.Contains("Required argument missing for command: 'set'", error);
        Assert.Empty(await GoalsOfAsync(project));
    }

    // ---- help ----
}

public sealed class SqliteProjectsCommandTests(SqliteApp app) : ProjectsCommandTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresProjectsCommandTests(PostgresApp app) : ProjectsCommandTests<PostgresApp>(app);
