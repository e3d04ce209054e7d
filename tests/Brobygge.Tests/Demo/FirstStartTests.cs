using System.Net;
using Brobygge.Data;
using Brobygge.Demo;
using Brobygge.Identity;
using Brobygge.Tests.Fixtures;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Brobygge.Tests.Demo;

public sealed class FirstStartTests
{
    private sealed class DemoSqliteApp() : BrobyggeApp(DatabaseProvider.Sqlite, seedDemo: true);

    private sealed class DemoPostgresApp() : BrobyggeApp(DatabaseProvider.Postgres, seedDemo: true);

    [Fact]
    public async Task An_empty_embedded_database_gets_the_demo_project_and_a_working_login_per_role()
    {
        await using var app = new DemoSqliteApp();
        await app.InitializeAsync();

        var (organisations, users, participants) = await app.WithDbAsync(async (db, _) =>
            (await db.Organisations.CountAsync(), await db.Users.CountAsync(), await db.Enrolments.CountAsync(e => e.Project!.Code == DemoData.ProjectCode)));
        Assert.Equal(1, organisations);
        Assert.Equal(DemoData.Logins.Count, users);
        Assert.True(participants >= 50, $"only {participants} demo participants");

        var client = app.Anonymous();
        var login = await BrobyggeApp.PostFormAsync(client, "/Identity/Login", new() { ["Email"] = "coach@demo.brobygge.se", ["Password"] = DemoData.Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Contains("Min ärendelista", WebUtility.HtmlDecode(await client.GetStringAsync("/")));
    }

    [Fact]
    public async Task Demo_participants_carry_only_skatteverkets_test_numbers_and_coherent_milestones()
    {
        await using var app = new DemoSqliteApp();
        await app.InitializeAsync();

        var numbers = await app.WithDbAsync(async (db, services) =>
        {
            var protector = services.GetRequiredService<Brobygge.Identity.IdentityNumberProtector>();
            var ciphers = await db.Persons.Where(p => p.IdentityNumberCipher != null).Select(p => p.IdentityNumberCipher!).ToListAsync();
            return ciphers.Select(protector.Unprotect).ToList();
        });
        var testNumbers = System.Text.Json.JsonSerializer.Deserialize<string[]>(File.ReadAllText(SharedData.PathTo("data", "skatteverket-testpersonnummer.json")))!.ToHashSet();
        Assert.NotEmpty(numbers);
        Assert.All(numbers, number => Assert.Contains(number, testNumbers));

        var incoherent = await app.WithDbAsync((db, _) => db.Enrolments.CountAsync(e =>
            (e.FirstJobOn != null && e.FirstJobOn < e.EnrolledOn) || (e.ExitedOn != null && e.ExitedOn < e.EnrolledOn)
            || (e.FirstActivityOn == null && e.Activities.Any())));
        Assert.Equal(0, incoherent);
    }

    [Fact]
    public async Task A_database_that_holds_data_gets_no_demo_data()
    {
        await using var app = new DemoSqliteApp();
        await app.InitializeAsync();
        var before = await app.WithDbAsync((db, _) => db.Persons.CountAsync());

        await using var scope = app.Services.CreateSystemScope();
        await DemoData.PrepareEmbeddedDatabaseAsync(scope.ServiceProvider, app.Services.GetRequiredService<IConfiguration>(), NullLogger.Instance);

        Assert.Equal(before, await app.WithDbAsync((db, _) => db.Persons.CountAsync()));
    }

    [Fact]
    [Trait("Category", "Postgres")]
    public async Task PostgreSQL_never_gets_demo_data_on_start()
    {
        await using var app = new DemoPostgresApp();
        await app.InitializeAsync();
        app.SkipIfUnavailable();

        Assert.Equal(0, await app.WithDbAsync((db, _) => db.Organisations.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync((db, _) => db.Users.CountAsync()));
    }
}
