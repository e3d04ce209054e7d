using Brobygge.Tests.Fixtures;

namespace Brobygge.Tests;

/// <summary>The dispatcher of <c>brobygge &lt;verb&gt;</c>: help on every verb, run in-process against the test database.</summary>
public abstract class CommandLineTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = app.Available();

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => _app.RunCommandLineWithOutputAsync(args);

    private Task<(int Organisations, int Projects, int Goals, int Users, int Members)> CountAsync() => _app.CountWritesAsync();

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
