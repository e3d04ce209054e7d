using Brobygge.Demo;
using Brobygge.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Tests.Demo;

/// <summary>The verb <c>brobygge seed-demo</c>, run in-process against the test database.</summary>
public abstract class SeedDemoCommandTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = app.Available();

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => _app.RunCommandLineWithOutputAsync(args);

    private Task<(int Organisations, int Projects, int Goals, int Users, int Members)> CountAsync() => _app.CountWritesAsync();

    [Fact]
    public async Task Seed_demo_refuses_a_database_that_already_has_data()
    {
        await _app.CreateProjectAsync();
        var before = await CountAsync();

        var (exitCode, output, error) = await RunAsync("seed-demo");

        Assert.Equal(1, exitCode);
        Assert.Contains("not empty", error);
        Assert.DoesNotContain(DemoData.Password, output);
        Assert.Equal(before, await CountAsync());
        Assert.False(await _app.WithDbAsync((db, _) => db.Organisations.AnyAsync(o => o.Name == DemoData.OrganisationName)));
    }
}

public sealed class SqliteSeedDemoCommandTests(SqliteApp app) : SeedDemoCommandTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresSeedDemoCommandTests(PostgresApp app) : SeedDemoCommandTests<PostgresApp>(app);
