using System.Net;
using System.Text.RegularExpressions;
using Brobygge.Data;
using Brobygge.Enrolments;
using Brobygge.Identity;
using Brobygge.Organisations;
using Brobygge.Participants;
using Brobygge.Projects;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Brobygge.Tests.Fixtures;

/// <summary>The real program on a real database: a SQLite file of its own, or a fresh PostgreSQL database.</summary>
public abstract partial class BrobyggeApp(DatabaseProvider provider) : WebApplicationFactory<Program>, IAsyncLifetime
{
    public DatabaseProvider Provider { get; } = provider;
    public string ConnectionString { get; private set; } = "";
    public TestClock Clock { get; } = new();

    /// <summary>Why this database cannot be had here; the tests using it are skipped with it.</summary>
    public string? Problem { get; private set; }

    public virtual async ValueTask InitializeAsync()
    {
        try
        {
            _sqliteFolder = Provider == DatabaseProvider.Sqlite ? Directory.CreateTempSubdirectory("brobygge-test-").FullName : null;
            ConnectionString = _sqliteFolder is not null
                ? $"Data Source={Path.Combine(_sqliteFolder, "test.db")};Pooling=false"
                : await PostgresServer.CreateDatabaseAsync();
        }
        catch (Exception e) when (e.GetType().Name == "SkipException")
        {
            Problem = e.Message;
            return;
        }
        // Starting the host migrates SQLite; PostgreSQL goes through `migrate`, as in production.
        _ = Services;
        if (Provider == DatabaseProvider.Postgres)
            await DatabaseSetup.MigrateAsync(Services);
    }

    private string? _sqliteFolder;
    /// <summary>This app's key-encryption key, for a second process on the same database.</summary>
    public string KeyEncryptionKey { get; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(Brobygge.Identity.KeyEncryptionKey.Size));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_sqliteFolder is not null)
            Directory.Delete(_sqliteFolder, recursive: true);
        GC.SuppressFinalize(this);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Brobygge", ConnectionString);
        builder.UseSetting(KeyProtection.KeySetting, KeyEncryptionKey);
        // Every test logs in from the same client, many times a minute; the rate-limit tests set their own small limits.
        builder.UseSetting("Login:RateLimit:PerClient", "100000");
        builder.UseSetting("Login:RateLimit:PerAccount", "100000");
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    public void SkipIfUnavailable()
    {
        if (Problem is not null)
            Assert.Skip(Problem);
    }

    /// <summary>Runs work with the system scope, as the command line does.</summary>
    public async Task<T> WithDbAsync<T>(Func<BrobyggeDb, IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateSystemScope();
        return await work(scope.ServiceProvider.GetRequiredService<BrobyggeDb>(), scope.ServiceProvider);
    }

    /// <summary>A context that reads with the given user's eyes, to test the access filters directly.</summary>
    public BrobyggeDb CreateDb(AccessScope scope)
        => Provider == DatabaseProvider.Sqlite
            ? new SqliteBrobyggeDb(new DbContextOptionsBuilder<SqliteBrobyggeDb>().UseSqlite(ConnectionString).Options, CurrentAccess.Of(scope))
            : new PostgresBrobyggeDb(new DbContextOptionsBuilder<PostgresBrobyggeDb>().UseNpgsql(ConnectionString).Options, CurrentAccess.Of(scope));

    public static AccessScope ScopeOf(User user, params string[] roles) => new(isSystem: false, user.OrganisationId, user.Id, roles);

    public Task WithDbAsync(Func<BrobyggeDb, Task> work)
        => WithDbAsync(async (db, _) => { await work(db); return 0; });

    public async Task<int> RunCommandLineAsync(params string[] args)
        => (await RunCommandLineWithOutputAsync(args)).ExitCode;

    public async Task<(int ExitCode, string Output, string Error)> RunCommandLineWithOutputAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CommandLine.RunAsync(Services, args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    // ---- Builders: each test states only what matters to it. ----

    public async Task<Project> CreateProjectAsync(string? code = null)
        => await WithDbAsync(async (db, _) =>
        {
            var organisation = new Organisation { Name = "Org " + Guid.NewGuid().ToString("N")[..8] };
            var project = new Project { OrganisationId = organisation.Id, Code = code ?? "P" + Guid.NewGuid().ToString("N")[..8], Name = "Projekt " + Guid.NewGuid().ToString("N")[..4], StartsOn = new DateOnly(2024, 1, 1), EndsOn = new DateOnly(2027, 12, 31) };
            db.Organisations.Add(organisation);
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            return project;
        });

    public const string Password = "Test-password-123";

    public async Task<User> CreateUserAsync(string role, Project project, bool member = true)
        => await WithDbAsync(async (db, services) =>
        {
            await RoleSetup.EnsureRolesAsync(services);
            var users = services.GetRequiredService<UserManager<User>>();
            var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.brobygge.se";
            var user = new User { UserName = email, Email = email, DisplayName = role + " " + email[^20..^16], OrganisationId = project.OrganisationId };
            var created = await users.CreateAsync(user, Password);
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, role);
            if (member)
                db.ProjectMembers.Add(new ProjectMember { OrganisationId = project.OrganisationId, ProjectId = project.Id, UserId = user.Id });
            await db.SaveChangesAsync();
            return user;
        });

    /// <summary>A participant enrolled in the project, assigned to the staff member (if given).</summary>
    public async Task<Enrolment> CreateParticipantAsync(Project project, User? coach = null, string firstName = "Amal", DateOnly? enrolledOn = null)
        => await WithDbAsync(async (db, _) =>
        {
            var person = new Person { OrganisationId = project.OrganisationId, FirstName = firstName, LastName = "Test" + Guid.NewGuid().ToString("N")[..6], Gender = Gender.Woman, BirthDate = new DateOnly(1990, 5, 17) };
            var enrolment = new Enrolment { OrganisationId = project.OrganisationId, ProjectId = project.Id, PersonId = person.Id, Reference = "R-" + Guid.NewGuid().ToString("N")[..8], EnrolledOn = enrolledOn ?? new DateOnly(2025, 3, 1), StatusAtEntry = LabourStatusAtEntry.LongTermUnemployed };
            if (coach is not null)
                enrolment.Assignments.Add(new Assignment { OrganisationId = project.OrganisationId, EnrolmentId = enrolment.Id, StaffId = coach.Id, Role = AssignmentRole.Coach, StartedOn = enrolment.EnrolledOn });
            db.Persons.Add(person);
            db.Enrolments.Add(enrolment);
            await db.SaveChangesAsync();
            enrolment.Person = person;
            return enrolment;
        });

    // ---- A browser-less user: cookies, antiforgery tokens and form posts. ----

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task<HttpClient> LoginAsync(User user)
    {
        var client = Anonymous();
        var response = await PostFormAsync(client, "/Identity/Login", new() { ["Email"] = user.Email!, ["Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Opens the form's page first, as a browser would, to get its antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var page = await client.GetStringAsync(formPage ?? url);
        fields["__RequestVerificationToken"] = AntiforgeryTokenIn(page) ?? throw new InvalidOperationException($"{formPage ?? url} has no antiforgery token");
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    /// <summary>The antiforgery token of the page's form, or null when it has none.</summary>
    public static string? AntiforgeryTokenIn(string page)
        => AntiforgeryToken().Match(page) is { Success: true } token ? WebUtility.HtmlDecode(token.Groups[1].Value) : null;

    public static string PathOf(Uri? location)
        => location is null ? "" : location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

public sealed class SqliteApp() : BrobyggeApp(DatabaseProvider.Sqlite);

public sealed class PostgresApp() : BrobyggeApp(DatabaseProvider.Postgres);

/// <summary>A clock the tests can set; it starts at the real time.</summary>
public sealed class TestClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;
    public override DateTimeOffset GetUtcNow() => Now;
    /// <summary>Today in the app's calendar (Europe/Stockholm), so a test does not fail at night.</summary>
    public DateOnly Today => this.Today();
}
