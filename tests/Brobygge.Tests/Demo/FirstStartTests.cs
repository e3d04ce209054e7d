using System.Collections.Concurrent;
using System.Net;
using Brobygge.Data;
using Brobygge.Demo;
using Brobygge.Identity;
using Brobygge.Tests.Fixtures;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Brobygge.Tests.Demo;

public sealed class FirstStartTests
{
    private const string Banner = "Demo — inte för riktiga uppgifter";

    /// <summary>The program as a fresh clone starts it: no connection string, so the embedded default's own file
    /// (data/brobygge.db under a content root of its own here, not the repository's).</summary>
    private sealed class EmbeddedDefaultApp() : BrobyggeApp(DatabaseProvider.Sqlite)
    {
        private readonly string _contentRoot = Directory.CreateTempSubdirectory("brobygge-embedded-").FullName;

        public string DatabaseFile => Path.Combine(_contentRoot, "data", "brobygge.db");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseContentRoot(_contentRoot);
            builder.UseSetting("ConnectionStrings:Brobygge", "");
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_contentRoot, recursive: true);
        }
    }

    /// <summary>A SQLite file named by a connection string, as a municipality would run it; the log is kept.</summary>
    private sealed class ConfiguredSqliteApp() : BrobyggeApp(DatabaseProvider.Sqlite)
    {
        public ConcurrentQueue<string> Log { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(new ListLogger(Log)));
        }
    }

    private sealed class DefaultPostgresApp() : BrobyggeApp(DatabaseProvider.Postgres);

    [Fact]
    public async Task An_empty_embedded_database_gets_the_demo_project_and_a_working_login_per_role()
    {
        await using var app = new EmbeddedDefaultApp();
        await app.InitializeAsync();

        Assert.True(File.Exists(app.DatabaseFile), $"no database at {app.DatabaseFile}");
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
    public async Task While_demo_logins_exist_every_page_says_it_is_a_demo()
    {
        await using var app = new EmbeddedDefaultApp();
        await app.InitializeAsync();
        var client = app.Anonymous();

        Assert.Contains(Banner, WebUtility.HtmlDecode(await client.GetStringAsync("/Identity/Login")));
        await BrobyggeApp.PostFormAsync(client, "/Identity/Login", new() { ["Email"] = "coach@demo.brobygge.se", ["Password"] = DemoData.Password });
        Assert.Contains(Banner, WebUtility.HtmlDecode(await client.GetStringAsync("/")));
        Assert.Contains(Banner, WebUtility.HtmlDecode(await client.GetStringAsync("/Participants")));
    }

    [Fact]
    [Trait("Category", "Security")]
    public async Task A_sqlite_database_named_by_a_connection_string_is_migrated_but_gets_no_demo_logins()
    {
        await using var app = new ConfiguredSqliteApp();
        await app.InitializeAsync();

        Assert.Equal(0, await app.WithDbAsync((db, _) => db.Organisations.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync((db, _) => db.Users.CountAsync()));
        Assert.True(await app.WithDbAsync((db, _) => db.TaxonomyConcepts.AnyAsync()), "not migrated and loaded on start");
        Assert.Contains(app.Log, line => line.Contains("no users yet", StringComparison.Ordinal) && line.Contains("users add", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Log, line => line.Contains(DemoData.Password, StringComparison.Ordinal));
        var demoLogin = await BrobyggeApp.PostFormAsync(app.Anonymous(), "/Identity/Login", new() { ["Email"] = "admin@demo.brobygge.se", ["Password"] = DemoData.Password });
        Assert.Equal(HttpStatusCode.OK, demoLogin.StatusCode); // the form again, with its error: no such login
    }

    [Fact]
    [Trait("Category", "Security")]
    public async Task Without_demo_logins_no_page_shows_the_demo_banner()
    {
        await using var app = new ConfiguredSqliteApp();
        await app.InitializeAsync();
        var project = await app.CreateProjectAsync();
        var coach = await app.CreateUserAsync(Roles.Coach, project);
        var client = await app.LoginAsync(coach);

        Assert.DoesNotContain("demo-banner", await client.GetStringAsync("/"));
        Assert.DoesNotContain("demo-banner", await app.Anonymous().GetStringAsync("/Identity/Login"));
    }

    [Fact]
    [Trait("Category", "Security")]
    public async Task After_an_explicit_seed_demo_every_page_shows_the_demo_banner()
    {
        await using var app = new ConfiguredSqliteApp();
        await app.InitializeAsync();
        Assert.DoesNotContain("demo-banner", await app.Anonymous().GetStringAsync("/Identity/Login"));

        // seed-demo is how demo data gets into a database named by a connection string.
        Assert.Equal(0, await app.RunCommandLineAsync("seed-demo"));

        Assert.Contains(Banner, WebUtility.HtmlDecode(await app.Anonymous().GetStringAsync("/Identity/Login")));
    }

    [Fact]
    public async Task Demo_participants_carry_only_skatteverkets_test_numbers_and_coherent_milestones()
    {
        await using var app = new EmbeddedDefaultApp();
        await app.InitializeAsync();

        var numbers = await app.WithDbAsync(async (db, services) =>
        {
            var protector = services.GetRequiredService<IdentityNumberProtector>();
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
        await using var app = new EmbeddedDefaultApp();
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
        await using var app = new DefaultPostgresApp();
        await app.InitializeAsync();
        app.SkipIfUnavailable();

        Assert.Equal(0, await app.WithDbAsync((db, _) => db.Organisations.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync((db, _) => db.Users.CountAsync()));
    }

    private sealed class ListLogger(ConcurrentQueue<string> lines) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => lines.Enqueue(formatter(state, exception));
        public void Dispose() { }
    }
}
