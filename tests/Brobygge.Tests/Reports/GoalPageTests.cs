using System.Net;
using Brobygge.Identity;
using Brobygge.Participants;
using Brobygge.Projects;
using Brobygge.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Tests.Reports;

/// <summary>The project manager's goal page: set, change and remove a goal for everyone or one gender, on the new
/// indicators too; a bad target is named next to its field and saves nothing.</summary>
public abstract class GoalPageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = Available(app);

    private static TApp Available(TApp app)
    {
        app.SkipIfUnavailable();
        return app;
    }

    [Fact]
    public async Task A_project_manager_sets_changes_and_removes_a_goal_for_one_gender()
    {
        var project = await _app.CreateProjectAsync();
        var client = await _app.LoginAsync(await _app.CreateUserAsync(Roles.ProjectManager, project));
        var url = $"/Reports/Goals?ProjectId={project.Id}";

        var set = await BrobyggeApp.PostFormAsync(client, url, new() { ["Input.Indicator"] = "EmployedOrInternship", ["Input.Gender"] = "Woman", ["Input.Target"] = "40" });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        var changed = await BrobyggeApp.PostFormAsync(client, url, new() { ["Input.Indicator"] = "EmployedOrInternship", ["Input.Gender"] = "Woman", ["Input.Target"] = "45" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        var goal = Assert.Single(await GoalsAsync(project));
        Assert.Equal((GoalIndicator.EmployedOrInternship, (Gender?)Gender.Woman, 45), (goal.Indicator, goal.Gender, goal.Target));
        Assert.Contains("I arbete eller praktik", await client.GetStringAsync(url));

        var removed = await BrobyggeApp.PostFormAsync(client, $"/Reports/Goals?handler=Remove&ProjectId={project.Id}&goalId={goal.Id}", [], formPage: url);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Empty(await GoalsAsync(project));
    }

    [Theory]
    [InlineData("-5", "Ange ett heltal från 0 till 10000000.")]
    [InlineData("", "Ange målvärdet.")]
    public async Task A_bad_target_is_named_next_to_the_field_and_nothing_is_saved(string target, string message)
    {
        var project = await _app.CreateProjectAsync();
        var client = await _app.LoginAsync(await _app.CreateUserAsync(Roles.ProjectManager, project));

        var response = await BrobyggeApp.PostFormAsync(client, $"/Reports/Goals?ProjectId={project.Id}", new() { ["Input.Indicator"] = "Mapped", ["Input.Target"] = target });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Empty(await GoalsAsync(project));
    }

    private Task<List<Goal>> GoalsAsync(Project project)
        => _app.WithDbAsync((db, _) => db.Goals.Where(g => g.ProjectId == project.Id).ToListAsync());
}

public sealed class SqliteGoalPageTests(SqliteApp app) : GoalPageTests<SqliteApp>(app);
