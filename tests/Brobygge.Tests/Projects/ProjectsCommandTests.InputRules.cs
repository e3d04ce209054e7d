using static Brobygge.Tests.Fixtures.CommandLineTesting;

namespace Brobygge.Tests.Projects;

// The input rules of the pages and the API hold on the command line too: no control characters, plausible dates.
public abstract partial class ProjectsCommandTests<TApp>
{
    [Theory]
    [InlineData("Rekry\0tera")]
    [InlineData("Rekrytera\n")]
    [InlineData("Rekry\u001btera")]
    [Trait("Category", "Security")]
    public async Task Projects_add_refuses_a_control_character_naming_the_option(string name)
    {
        var before = await CountAsync();

        var (exitCode, _, error) = await RunAsync(ProjectsAdd(Unique("NUL"), "Org " + Guid.NewGuid().ToString("N")[..8], name: name));

        Assert.Equal(1, exitCode);
        Assert.StartsWith("error: --name contains a control character", error, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Theory]
    [InlineData("--start", "0001-01-01")]
    [InlineData("--end", "9999-12-31")]
    [Trait("Category", "Security")]
    public async Task Projects_add_refuses_an_implausible_date_naming_the_option(string option, string date)
    {
        var before = await CountAsync();

        var (exitCode, _, error) = await RunAsync(With(ProjectsAdd(Unique("DATE"), "Org " + Guid.NewGuid().ToString("N")[..8]), option, date));

        Assert.Equal(1, exitCode);
        Assert.StartsWith($"error: {option} {date} is not between 1900-01-01 and", error, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }
}
