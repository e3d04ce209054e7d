using Brobygge.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Tests.Projects;

public abstract class ProjectsListTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = app.Available();

    [Fact]
    public async Task Projects_list_shows_each_projects_code_name_period_and_organisation()
    {
        var project = await _app.CreateProjectAsync();
        var organisation = await _app.WithDbAsync((db, _) => db.Organisations.Where(o => o.Id == project.OrganisationId).Select(o => o.Name).SingleAsync());

        var (exitCode, output, error) = await _app.RunCommandLineWithOutputAsync("projects", "list");

        Assert.True(exitCode == 0, error);
        Assert.StartsWith("CODE ", output);
        var line = Assert.Single(output.Split('\n'), l => l.StartsWith(project.Code + " ", StringComparison.Ordinal));
        Assert.Matches($@"^{project.Code} +{project.Name} +2024-01-01 – 2027-12-31 +{organisation} +none\s*$", line);
    }
}

public sealed class SqliteProjectsListTests(SqliteApp app) : ProjectsListTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresProjectsListTests(PostgresApp app) : ProjectsListTests<PostgresApp>(app);
