using Microsoft.EntityFrameworkCore;
using static Brobygge.Tests.Fixtures.CommandLineTesting;

namespace Brobygge.Tests.Projects;

// Lengths the database enforces must be refused with a clear error on both providers.
public abstract partial class ProjectsCommandTests<TApp>
{
    // ---- lengths the database enforces: PostgreSQL refuses what SQLite would silently store ----

    [Fact]
    public async Task Projects_add_refuses_an_organisation_name_longer_than_200_characters_with_a_clear_error()
    {
        var organisation = new string('O', 201);
        var before = await CountAsync();

        var (exitCode, _, error) = await RunAsync(ProjectsAdd(Unique("LONG"), organisation));

        Assert.Equal(before, await CountAsync());
        Assert.Equal(1, exitCode);
        Assert.StartsWith("error: --organisation", error, StringComparison.Ordinal);
    }
}
