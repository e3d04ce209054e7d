using Microsoft.EntityFrameworkCore;

namespace Brobygge.Tests;

// Lengths the database enforces must be refused with a clear error on both providers, and a blank
// --name falls back to the e-mail address.
public abstract partial class CommandLineTests<TApp>
{
    // ---- lengths the database enforces: PostgreSQL refuses what SQLite would silently store ----

    [Fact]
    public async Task Projects_add_refuses_an_organisation_name_longer_than_200_characters_with_a_clear_error()
    {
        var organisation = new string('O', 201);
        var before = await CountAsync();

        var (exitCode, _, error) = await RunAsync(ProjectsAdd(Unique("LONG"), organisation));

        Assert.Equal(before, await CountAsync());
        Assert.NotEqual(0, exitCode);
        Assert.StartsWith("error: --organisation", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_add_refuses_a_name_longer_than_200_characters_with_a_clear_error()
    {
        var project = await _app.CreateProjectAsync();
        var email = UniqueEmail("longname");
        var before = await CountAsync();

        var (exitCode, _, error) = await RunAsync("users", "add", "--email", email, "--role", "coach", "--project", project.Code, "--name", new string('N', 201));

        Assert.Equal(before, await CountAsync());
        Assert.Equal(0, await UsersWithEmailAsync(email));
        Assert.NotEqual(0, exitCode);
        Assert.StartsWith("error: --name", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_add_refuses_an_email_address_too_long_to_be_one_with_a_clear_error()
    {
        // RFC 5321 allows 64 characters before the @; this one has 250, and is longer than a display name may be.
        var email = new string('a', 250) + "@test.brobygge.se";
        var project = await _app.CreateProjectAsync();
        var before = await CountAsync();

        var (exitCode, _, error) = await RunAsync("users", "add", "--email", email, "--role", "coach", "--project", project.Code);

        Assert.Equal(before, await CountAsync());
        Assert.NotEqual(0, exitCode);
        Assert.StartsWith("error: --email", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_add_with_a_blank_name_uses_the_email_address_as_the_display_name()
    {
        var project = await _app.CreateProjectAsync();
        var email = UniqueEmail("blank");

        var (exitCode, _, _) = await RunAsync("users", "add", "--email", email, "--role", "coach", "--project", project.Code, "--name", "  ");

        Assert.Equal(0, exitCode);
        Assert.Equal(email, await _app.WithDbAsync((db, _) => db.Users.Where(u => u.Email == email).Select(u => u.DisplayName).SingleAsync()));
    }
}
