using Brobygge.Projects;
using Brobygge.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using static Brobygge.Tests.Fixtures.CommandLineTesting;

namespace Brobygge.Tests.Projects;

/// <summary><c>projects add --funder-profile</c> and the profile in <c>projects list</c>.</summary>
public sealed class FunderProfileCommandTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static string[] ProjectsAdd(string code, params string[] more)
        => ["projects", "add", "--code", code, "--name", "Den g(l)ömda resursen", "--start", "2020-01-01", "--end", "2022-12-31", "--organisation", Unique("Örebro"), .. more];

    [Fact]
    public async Task Projects_add_keeps_the_funder_profile_and_projects_list_shows_it()
    {
        var code = Unique("GLOMDA");

        var (exitCode, output, error) = await app.RunCommandLineWithOutputAsync(ProjectsAdd(code, "--funder-profile", "amif-2014", "--funder", "AMIF"));
        var (_, list, _) = await app.RunCommandLineWithOutputAsync("projects", "list");

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.Contains("amif-2014", output);
        Assert.Equal(FunderProfileKind.Amif2014, await app.WithDbAsync((db, _) => db.Projects.Where(p => p.Code == code).Select(p => p.FunderProfile).SingleAsync()));
        Assert.Contains("PROFILE", list);
        Assert.Matches($@"{code}\s.*amif-2014\s+AMIF", list);
    }

    [Fact]
    public async Task A_project_without_a_funder_profile_answers_to_none()
    {
        var code = Unique("LOKAL");

        Assert.Equal(0, await app.RunCommandLineAsync(ProjectsAdd(code)));

        Assert.Equal(FunderProfileKind.None, await app.WithDbAsync((db, _) => db.Projects.Where(p => p.Code == code).Select(p => p.FunderProfile).SingleAsync()));
    }

    [Fact]
    public async Task An_unknown_funder_profile_is_an_error_that_lists_the_profiles_and_creates_nothing()
    {
        var code = Unique("ESF");
        var before = await app.CountWritesAsync();

        var (exitCode, _, error) = await app.RunCommandLineWithOutputAsync(ProjectsAdd(code, "--funder-profile", "esf-2030"));

        Assert.Equal(1, exitCode);
        Assert.Contains("--funder-profile 'esf-2030'", error);
        Assert.Contains("esf-plus-2021", error);
        Assert.Equal(before, await app.CountWritesAsync());
    }
}
