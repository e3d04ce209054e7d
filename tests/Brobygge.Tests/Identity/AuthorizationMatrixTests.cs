using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Brobygge.Activities;
using Brobygge.Contacts;
using Brobygge.Data;
using Brobygge.FollowUps;
using Brobygge.Identity;
using Brobygge.Mappings;
using Brobygge.Outcomes;
using Brobygge.Participants;
using Brobygge.Plans;
using Brobygge.Projects;
using Brobygge.Tests.Api;
using Brobygge.Tests.Fixtures;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Brobygge.Tests.Identity;

/// <summary>
/// Every page and API endpoint of the app's own route table, tried by every role, by a second coach, by staff of a
/// second organisation and anonymously: each gets exactly the answer its access allows (served, "not found" outside
/// the scope, or refused), and no answer shows a name the visitor may not see. A route without an expectation here
/// fails <see cref="Every_route_of_the_app_has_an_expectation_and_every_expectation_a_route"/>.
/// </summary>
[Trait("Category", "Security")]
public abstract partial class AuthorizationMatrixTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : MatrixApp
{
    private readonly TApp _app = app.Available();

    [Fact]
    public void Every_route_of_the_app_has_an_expectation_and_every_expectation_a_route()
    {
        var routes = Matrix.RoutesOf(_app.Services);
        var expected = Matrix.All.Select(s => (s.Method, s.Pattern)).ToHashSet();

        var unexpected = routes.Except(expected).Select(r => $"{r.Method} {r.Pattern}").Order(StringComparer.Ordinal).ToList();
        var gone = expected.Except(routes).Select(r => $"{r.Method} {r.Pattern}").Order(StringComparer.Ordinal).ToList();

        Assert.True(unexpected.Count == 0, "Routes without an access expectation (add them to Matrix.All): " + string.Join(", ", unexpected));
        Assert.True(gone.Count == 0, "Expectations for routes the app no longer has: " + string.Join(", ", gone));
    }

    [Theory]
    [MemberData(nameof(Matrix.Surfaces), MemberType = typeof(Matrix))]
    public async Task Each_visitor_gets_what_their_access_allows_and_no_name_they_may_not_see(string method, string pattern)
    {
        var world = await _app.WorldAsync();
        var surface = Matrix.All.Single(s => s.Method == method && s.Pattern == pattern);
        var failures = new List<string>();

        foreach (var visitor in world.Visitors)
        {
            var expected = surface.ExpectedFor(visitor.Reach);
            if (expected == Answer.Served && !surface.SafeToServe)
                continue; // e.g. logging out would end the visitor's session for the rest of the matrix
            var response = await surface.SendAsync(visitor, world, expected);
            var body = await response.Content.ReadAsStringAsync();
            var got = Classify(response);
            if (got != expected && !(surface.Audience == Audience.Anyone && got != Answer.Failed))
                failures.Add($"{visitor.Name}: expected {expected}, got {(int)response.StatusCode} {PathOf(response)}");
            foreach (var name in world.Names.Except(visitor.Sees).Where(body.Contains))
                failures.Add($"{visitor.Name}: the answer shows {name}, whom they may not see");
            if (got == Answer.Served && surface.Lists is { } lists)
                foreach (var name in visitor.Sees.Where(n => world.Kinds[n] == lists && !body.Contains(n, StringComparison.Ordinal)))
                    failures.Add($"{visitor.Name}: the list lacks {name}, whom they may see");
        }

        Assert.True(failures.Count == 0, $"{method} {pattern}:\n" + string.Join("\n", failures));
    }

    private static string PathOf(HttpResponseMessage response) => BrobyggeApp.PathOf(response.Headers.Location);

    private static Answer Classify(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var location = PathOf(response);
        return status switch
        {
            >= 500 => Answer.Failed,
            401 or 403 => Answer.Refused,
            404 => Answer.Hidden,
            405 => Answer.NotAllowed,
            302 when location.StartsWith("/Identity/Login", StringComparison.Ordinal)
                || location.StartsWith("/Identity/AccessDenied", StringComparison.Ordinal) => Answer.Refused,
            _ => Answer.Served,
        };
    }
}

public sealed class SqliteAuthorizationMatrixTests(SqliteMatrixApp app) : AuthorizationMatrixTests<SqliteMatrixApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresAuthorizationMatrixTests(PostgresMatrixApp app) : AuthorizationMatrixTests<PostgresMatrixApp>(app);

/// <summary>What a visitor may reach.</summary>
public enum Reach
{
    /// <summary>Not signed in.</summary>
    Anonymous,

    /// <summary>Signed in, in a role without participants' records (employer and partner liaison, evaluator, administrator).</summary>
    SignedIn,

    /// <summary>Works with participants, but not with this one (a second coach, a bridge-builder, another organisation's staff).</summary>
    Staff,

    /// <summary>The participant's coach.</summary>
    Owner,

    /// <summary>The project's evaluator: no participants' records, but the project's reports.</summary>
    Evaluator,

    /// <summary>The project's manager: sees as the owner does, and reaches the project managers' pages.</summary>
    Manager,

    /// <summary>Another organisation's project manager: sees as other staff do, and reaches the project managers' pages.</summary>
    OtherManager,

    /// <summary>The organisation's administrator: no participants' records, and the administration's pages.</summary>
    Administrator,
}

public enum Audience { Anyone, SignedIn, ParticipantStaff, ProjectManagers, Administrators, Reports }

public enum Answer { Served, Hidden, Refused, NotAllowed, Failed }

public enum NameKind { Participant, Lead }

/// <summary>One page or endpoint: who it is for, and whether its URL names the participant's records.</summary>
public sealed record Surface(string Method, string Pattern, Audience Audience, Func<MatrixWorld, string> Url,
    bool Scoped = false, Func<MatrixWorld, object>? Body = null, NameKind? Lists = null, bool SafeToServe = true, bool HasHandler = true)
{
    public bool IsPage => !Pattern.StartsWith('/');
    public bool IsApi => Pattern.StartsWith("/api/", StringComparison.Ordinal);

    /// <summary>A page without a handler for the method answers 405 to those who pass its authorization.</summary>
    public Answer ExpectedFor(Reach reach) => Allowed(reach) is Answer.Served or Answer.Hidden && !HasHandler ? Answer.NotAllowed : Allowed(reach);

    private Answer Allowed(Reach reach) => Audience switch
    {
        Audience.Anyone => Answer.Served,
        Audience.SignedIn => reach == Reach.Anonymous ? Answer.Refused : Answer.Served,
        Audience.ProjectManagers => reach switch
        {
            Reach.Manager => Answer.Served,
            Reach.OtherManager => Scoped ? Answer.Hidden : Answer.Served,
            _ => Answer.Refused,
        },
        Audience.Administrators => reach == Reach.Administrator ? Answer.Served : Answer.Refused,
        Audience.Reports => reach switch
        {
            Reach.Manager or Reach.Evaluator => Answer.Served,
            Reach.OtherManager => Scoped ? Answer.Hidden : Answer.Served,
            _ => Answer.Refused,
        },
        _ => reach switch
        {
            Reach.Anonymous or Reach.SignedIn or Reach.Administrator or Reach.Evaluator => Answer.Refused,
            Reach.Staff or Reach.OtherManager when Scoped => Answer.Hidden,
            _ => Answer.Served,
        },
    };

    /// <summary>Pages get a form with the visitor's antiforgery token; API writes get a valid body where the answer
    /// should come from access alone, and an empty one from those who may write (so nothing is changed).</summary>
    public Task<HttpResponseMessage> SendAsync(Visitor visitor, MatrixWorld world, Answer expected)
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), Url(world));
        if (IsApi && visitor.Token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", visitor.Token);
        if (Method != "GET" && IsPage)
            request.Content = new FormUrlEncodedContent(visitor.Antiforgery is null ? [] : [new("__RequestVerificationToken", visitor.Antiforgery)]);
        else if (Method != "GET")
            request.Content = JsonContent.Create(expected == Answer.Served || Body is null ? new { } : Body(world), options: ApiTesting.Json);
        return visitor.Client.SendAsync(request);
    }
}

/// <summary>A signed-in (or anonymous) user with a cookie client and, for the API, a bearer token.</summary>
public sealed record Visitor(string Name, Reach Reach, HttpClient Client, string? Token, string? Antiforgery, IReadOnlySet<string> Sees);

/// <summary>Organisation A's project with a participant of coach A (records of every kind) and a lead not yet enrolled;
/// organisation B with its own participant and lead; one visitor of every kind.</summary>
public sealed record MatrixWorld(Guid ProjectId, Guid StaffId, Guid PersonId, Guid EnrolmentId, Guid ContactId, Guid ActivityId,
    Guid PlanStepId, Guid OutcomeId, Guid FollowUpId, Guid MappingId, IReadOnlyDictionary<string, NameKind> Kinds, IReadOnlyList<Visitor> Visitors,
    Guid JournalNoteId = default)
{
    public IEnumerable<string> Names => Kinds.Keys;
}

public static class Matrix
{
    private const string Api = "/api/v1";

    private static readonly object Person = new { firstName = "Amal", lastName = "Omar", gender = "Woman", birthDate = "1990-05-17", version = Guid.NewGuid() };

    /// <summary>A page's GET and POST (Razor Pages route both); <paramref name="post"/> says whether it has a POST handler.</summary>
    private static IEnumerable<Surface> Pages(string pattern, Audience audience, Func<MatrixWorld, string>? url = null, bool scoped = false,
        NameKind? lists = null, bool post = true, bool safeToPost = true)
    {
        url ??= _ => "/" + pattern;
        return [new("GET", pattern, audience, url, scoped, Lists: lists), new("POST", pattern, audience, url, scoped, SafeToServe: safeToPost, HasHandler: post)];
    }

    private static Surface Endpoint(string method, string pattern, Audience audience, Func<MatrixWorld, string>? url = null, bool scoped = false, Func<MatrixWorld, object>? body = null, NameKind? lists = null)
        => new(method, pattern, audience, url ?? (_ => pattern), scoped, body, lists);

    private static Surface StaffApi(string method, string pattern, Func<MatrixWorld, string> url, Func<MatrixWorld, object>? body = null)
        => Endpoint(method, Api + pattern, Audience.ParticipantStaff, url, scoped: true, body);

    /// <summary>Every route of the app with who it is for. The route table is the app's; this is the expectation.</summary>
    public static readonly IReadOnlyList<Surface> All =
    [
        Endpoint("GET", "/healthz", Audience.Anyone),
        Endpoint("POST", "/healthz", Audience.Anyone),
        Endpoint("GET", "/openapi/{documentName}.json", Audience.Anyone, _ => "/openapi/v1.json"),
        Endpoint("POST", "/culture", Audience.Anyone),
        .. Pages("Identity/Login", Audience.Anyone),
        .. Pages("Error", Audience.Anyone, post: false),
        .. Pages("status/{code:int}", Audience.Anyone, _ => "/status/404"),
        Endpoint("POST", Api + "/tokens/", Audience.Anyone, _ => Api + "/tokens", body: _ => new { email = "nobody@example.se", password = "wrong" }),
        Endpoint("POST", Api + "/tokens/refresh", Audience.Anyone, body: _ => new { refreshToken = "not-a-token" }),

        .. Pages("", Audience.SignedIn, post: false),
        .. Pages("Index", Audience.SignedIn, post: false),
        .. Pages("Identity/Logout", Audience.SignedIn, safeToPost: false),
        .. Pages("Identity/AccessDenied", Audience.SignedIn, post: false),
        .. Pages("Identity/ChangePassword", Audience.SignedIn),
        .. Pages("Identity/SetPassword", Audience.Anyone),
        Endpoint("GET", "/taxonomy/search", Audience.SignedIn, _ => "/taxonomy/search?type=occupation-name&q=kock"),

        .. Pages("Participants", Audience.ParticipantStaff, lists: NameKind.Participant),
        .. Pages("Participants/Index", Audience.ParticipantStaff, lists: NameKind.Participant),
        .. Pages("Participants/Create", Audience.ParticipantStaff),
        .. Pages("Contacts", Audience.ParticipantStaff, lists: NameKind.Lead, post: false),
        .. Pages("Contacts/Index", Audience.ParticipantStaff, lists: NameKind.Lead, post: false),
        .. Pages("Contacts/Create", Audience.ParticipantStaff),
        .. Pages("Participants/Details/{id:guid}", Audience.ParticipantStaff, w => $"/Participants/Details/{w.PersonId}", scoped: true, post: false),
        .. Pages("Participants/Edit/{id:guid}", Audience.ParticipantStaff, w => $"/Participants/Edit/{w.PersonId}", scoped: true),
        .. Pages("Enrolments/Create/{personId:guid}", Audience.ParticipantStaff, w => $"/Enrolments/Create/{w.PersonId}", scoped: true),
        .. Pages("Enrolments/Assign/{enrolmentId:guid}", Audience.ParticipantStaff, w => $"/Enrolments/Assign/{w.EnrolmentId}", scoped: true),
        .. Pages("Enrolments/Exit/{enrolmentId:guid}", Audience.ParticipantStaff, w => $"/Enrolments/Exit/{w.EnrolmentId}", scoped: true),
        .. Pages("Enrolments/Facts/{enrolmentId:guid}", Audience.ParticipantStaff, w => $"/Enrolments/Facts/{w.EnrolmentId}", scoped: true),
        .. Pages("Mappings/New/{enrolmentId:guid}", Audience.ParticipantStaff, w => $"/Mappings/New/{w.EnrolmentId}", scoped: true),
        .. Pages("Mappings/History/{enrolmentId:guid}", Audience.ParticipantStaff, w => $"/Mappings/History/{w.EnrolmentId}", scoped: true, post: false),
        .. Pages("Plans/Step/{enrolmentId:guid}/{stepId:guid?}", Audience.ParticipantStaff, w => $"/Plans/Step/{w.EnrolmentId}/{w.PlanStepId}", scoped: true),
        .. Pages("Activities/New/{enrolmentId:guid}", Audience.ParticipantStaff, w => $"/Activities/New/{w.EnrolmentId}", scoped: true),
        .. Pages("Outcomes/New/{enrolmentId:guid}", Audience.ParticipantStaff, w => $"/Outcomes/New/{w.EnrolmentId}", scoped: true),
        .. Pages("Outcomes/Edit/{outcomeId:guid}", Audience.ParticipantStaff, w => $"/Outcomes/Edit/{w.OutcomeId}", scoped: true),
        .. Pages("FollowUps/Record/{followUpId:guid}", Audience.ParticipantStaff, w => $"/FollowUps/Record/{w.FollowUpId}", scoped: true),
        .. Pages("Imports/Participants", Audience.ProjectManagers),
        .. Pages("Projects/Team/{projectId:guid}", Audience.ProjectManagers, w => $"/Projects/Team/{w.ProjectId}", scoped: true, post: false),
        .. Pages("Reports", Audience.Reports, post: false),
        .. Pages("Reports/Index", Audience.Reports, post: false),
        .. Pages("Reports/Funder", Audience.Reports, post: false),
        .. Pages("Evaluation/Microdata", Audience.Reports),
        .. Pages("Reports/Goals", Audience.ProjectManagers),
        Endpoint("GET", Api + "/reports/{projectId:guid}", Audience.Reports, w => $"{Api}/reports/{w.ProjectId}", scoped: true),
        .. Pages("Consents/Record/{personId:guid}", Audience.ParticipantStaff, w => $"/Consents/Record/{w.PersonId}", scoped: true),
        .. Pages("Leaving/Record/{enrolmentId:guid}", Audience.ParticipantStaff, w => $"/Leaving/Record/{w.EnrolmentId}", scoped: true),
        .. Pages("Activities/Edit/{activityId:guid}", Audience.ParticipantStaff, w => $"/Activities/Edit/{w.ActivityId}", scoped: true),
        .. Pages("Contacts/Edit/{contactId:guid}", Audience.ParticipantStaff, w => $"/Contacts/Edit/{w.ContactId}", scoped: true),

        .. Pages("Administration/Users", Audience.Administrators),
        .. Pages("Administration/Account/{id:guid}", Audience.Administrators, w => $"/Administration/Account/{w.StaffId}", post: false),
        .. Pages("Administration/Projects", Audience.Administrators, post: false),
        .. Pages("Administration/Project/{id:guid?}", Audience.Administrators, w => $"/Administration/Project/{w.ProjectId}"),
        .. Pages("Administration/Organisation", Audience.Administrators),
        .. Pages("Activities/Held/{activityId:guid}", Audience.ParticipantStaff, w => $"/Activities/Held/{w.ActivityId}", scoped: true),
        .. Pages("Journal/Write/{enrolmentId:guid}", Audience.ParticipantStaff, w => $"/Journal/Write/{w.EnrolmentId}", scoped: true),
        .. Pages("Calendar", Audience.ParticipantStaff, post: false),
        .. Pages("Calendar/Index", Audience.ParticipantStaff, post: false),
        .. Pages("Calendar/Feed", Audience.ParticipantStaff, post: false),
        Endpoint("GET", "/calendar/{secret}.ics", Audience.Anyone, _ => "/calendar/not-a-secret.ics"),

        Endpoint("GET", Api + "/participants/", Audience.ParticipantStaff, _ => Api + "/participants", lists: NameKind.Participant),
        Endpoint("POST", Api + "/participants/search", Audience.ParticipantStaff, body: _ => new { query = "Omar" }),
        Endpoint("GET", Api + "/contacts/", Audience.ParticipantStaff, _ => Api + "/contacts", lists: NameKind.Lead),
        Endpoint("POST", Api + "/contacts/", Audience.ParticipantStaff, _ => Api + "/contacts", body: w => new
        {
            person = new { firstName = "Amal", lastName = "Omar", gender = "Woman", birthDate = "1990-05-17" },
            projectId = w.ProjectId, contactedOn = "2025-08-01",
        }),
        StaffApi("GET", "/contacts/{id:guid}", w => $"{Api}/contacts/{w.ContactId}"),
        StaffApi("PUT", "/contacts/{id:guid}", w => $"{Api}/contacts/{w.ContactId}", _ => new { contactedOn = "2025-02-21", version = Guid.NewGuid() }),
        StaffApi("DELETE", "/contacts/{id:guid}", w => $"{Api}/contacts/{w.ContactId}", _ => new { reason = "Entered twice.", version = Guid.NewGuid() }),
        StaffApi("GET", "/contacts/{id:guid}/history", w => $"{Api}/contacts/{w.ContactId}/history"),
        StaffApi("GET", "/participants/{personId:guid}", w => $"{Api}/participants/{w.PersonId}"),
        StaffApi("PUT", "/participants/{personId:guid}", w => $"{Api}/participants/{w.PersonId}", _ => Person),
        StaffApi("POST", "/participants/{personId:guid}/enrolments", w => $"{Api}/participants/{w.PersonId}/enrolments",
            w => new { projectId = w.ProjectId, enrolledOn = "2025-03-01", statusAtEntry = "Unemployed" }),
        StaffApi("GET", "/enrolments/{id:guid}/", w => $"{Api}/enrolments/{w.EnrolmentId}"),
        StaffApi("POST", "/enrolments/{id:guid}/exit", w => $"{Api}/enrolments/{w.EnrolmentId}/exit",
            _ => new { exitedOn = "2025-08-01", reason = "Completed", version = Guid.NewGuid() }),
        StaffApi("GET", "/enrolments/{id:guid}/facts-at-entry/", w => $"{Api}/enrolments/{w.EnrolmentId}/facts-at-entry"),
        StaffApi("PUT", "/enrolments/{id:guid}/facts-at-entry/", w => $"{Api}/enrolments/{w.EnrolmentId}/facts-at-entry",
            _ => new { gender = "Woman", age = 30, statusAtEntry = "Unemployed", version = Guid.NewGuid() }),
        StaffApi("GET", "/enrolments/{id:guid}/assignment-suggestions", w => $"{Api}/enrolments/{w.EnrolmentId}/assignment-suggestions?role=Coach"),
        StaffApi("POST", "/enrolments/{id:guid}/assignments", w => $"{Api}/enrolments/{w.EnrolmentId}/assignments", w => new { staffId = w.StaffId, role = "Coach" }),
        StaffApi("GET", "/enrolments/{enrolmentId:guid}/mappings/", w => $"{Api}/enrolments/{w.EnrolmentId}/mappings"),
        StaffApi("POST", "/enrolments/{enrolmentId:guid}/mappings/", w => $"{Api}/enrolments/{w.EnrolmentId}/mappings",
            _ => new { basedOn = 1, mapping = new { mappedOn = "2025-03-10" } }),
        StaffApi("GET", "/mappings/{id:guid}", w => $"{Api}/mappings/{w.MappingId}"),
        StaffApi("GET", "/enrolments/{enrolmentId:guid}/plan-steps/", w => $"{Api}/enrolments/{w.EnrolmentId}/plan-steps"),
        StaffApi("POST", "/enrolments/{enrolmentId:guid}/plan-steps/", w => $"{Api}/enrolments/{w.EnrolmentId}/plan-steps", _ => new { title = "Mitt steg" }),
        StaffApi("GET", "/plan-steps/{id:guid}/", w => $"{Api}/plan-steps/{w.PlanStepId}"),
        StaffApi("PUT", "/plan-steps/{id:guid}/", w => $"{Api}/plan-steps/{w.PlanStepId}", _ => new { title = "Mitt steg", version = Guid.NewGuid() }),
        StaffApi("DELETE", "/plan-steps/{id:guid}/", w => $"{Api}/plan-steps/{w.PlanStepId}", _ => new { reason = "Entered twice.", version = Guid.NewGuid() }),
        StaffApi("GET", "/plan-steps/{id:guid}/history", w => $"{Api}/plan-steps/{w.PlanStepId}/history"),
        StaffApi("GET", "/enrolments/{enrolmentId:guid}/activities/", w => $"{Api}/enrolments/{w.EnrolmentId}/activities"),
        StaffApi("POST", "/enrolments/{enrolmentId:guid}/activities/", w => $"{Api}/enrolments/{w.EnrolmentId}/activities",
            _ => new { kind = "Meeting", occurredOn = "2025-03-06" }),
        StaffApi("GET", "/activities/{id:guid}/", w => $"{Api}/activities/{w.ActivityId}"),
        StaffApi("PUT", "/activities/{id:guid}/", w => $"{Api}/activities/{w.ActivityId}",
            _ => new { kind = "Meeting", occurredOn = "2025-03-06", version = Guid.NewGuid() }),
        StaffApi("DELETE", "/activities/{id:guid}/", w => $"{Api}/activities/{w.ActivityId}", _ => new { reason = "Entered twice.", version = Guid.NewGuid() }),
        StaffApi("GET", "/activities/{id:guid}/history", w => $"{Api}/activities/{w.ActivityId}/history"),
        StaffApi("POST", "/activities/{id:guid}/held", w => $"{Api}/activities/{w.ActivityId}/held", _ => new { version = Guid.NewGuid() }),
        StaffApi("GET", "/enrolments/{enrolmentId:guid}/journal/", w => $"{Api}/enrolments/{w.EnrolmentId}/journal"),
        StaffApi("POST", "/enrolments/{enrolmentId:guid}/journal/", w => $"{Api}/enrolments/{w.EnrolmentId}/journal", _ => new { writtenOn = "2025-08-01", text = "Ringde." }),
        StaffApi("PUT", "/journal/{id:guid}/", w => $"{Api}/journal/{w.JournalNoteId}", _ => new { writtenOn = "2025-08-01", text = "Ringde.", version = Guid.NewGuid() }),
        StaffApi("GET", "/enrolments/{enrolmentId:guid}/outcomes/", w => $"{Api}/enrolments/{w.EnrolmentId}/outcomes"),
        StaffApi("POST", "/enrolments/{enrolmentId:guid}/outcomes/", w => $"{Api}/enrolments/{w.EnrolmentId}/outcomes",
            _ => new { kind = "Studies", studiesType = "Komvux", startedOn = "2025-05-01" }),
        StaffApi("GET", "/outcomes/{id:guid}/", w => $"{Api}/outcomes/{w.OutcomeId}"),
        StaffApi("PUT", "/outcomes/{id:guid}/", w => $"{Api}/outcomes/{w.OutcomeId}",
            _ => new { kind = "Studies", studiesType = "Komvux", startedOn = "2025-05-01", version = Guid.NewGuid() }),
        StaffApi("DELETE", "/outcomes/{id:guid}/", w => $"{Api}/outcomes/{w.OutcomeId}", _ => new { reason = "Entered twice.", version = Guid.NewGuid() }),
        StaffApi("GET", "/outcomes/{id:guid}/history", w => $"{Api}/outcomes/{w.OutcomeId}/history"),
        StaffApi("GET", "/enrolments/{enrolmentId:guid}/follow-ups/", w => $"{Api}/enrolments/{w.EnrolmentId}/follow-ups"),
        StaffApi("POST", "/enrolments/{enrolmentId:guid}/follow-ups/", w => $"{Api}/enrolments/{w.EnrolmentId}/follow-ups", _ => new { dueOn = "2025-09-01" }),
        StaffApi("GET", "/follow-ups/{id:guid}/", w => $"{Api}/follow-ups/{w.FollowUpId}"),
        StaffApi("PUT", "/follow-ups/{id:guid}/", w => $"{Api}/follow-ups/{w.FollowUpId}",
            _ => new { recordedOn = "2025-08-01", status = "Unreached", version = Guid.NewGuid() }),
        StaffApi("GET", "/participants/{personId:guid}/consents", w => $"{Api}/participants/{w.PersonId}/consents"),
        StaffApi("POST", "/participants/{personId:guid}/consents", w => $"{Api}/participants/{w.PersonId}/consents",
            _ => new { purpose = "SmsContact", change = "Given", on = "2025-08-01", how = "InPerson", basedOn = 0 }),
        StaffApi("GET", "/enrolments/{enrolmentId:guid}/leaving/", w => $"{Api}/enrolments/{w.EnrolmentId}/leaving"),
        StaffApi("POST", "/enrolments/{enrolmentId:guid}/leaving/situations", w => $"{Api}/enrolments/{w.EnrolmentId}/leaving/situations",
            _ => new { kind = "JobSearching", on = "2025-08-01" }),
    ];

    public static TheoryData<string, string> Surfaces()
    {
        var data = new TheoryData<string, string>();
        foreach (var surface in All)
            data.Add(surface.Method, surface.Pattern);
        return data;
    }

    /// <summary>Every (method, pattern) in the app's route table; a page counts for GET and POST.</summary>
    public static HashSet<(string Method, string Pattern)> RoutesOf(IServiceProvider services)
    {
        var routes = new HashSet<(string, string)>();
        foreach (var endpoint in services.GetServices<EndpointDataSource>().SelectMany(source => source.Endpoints).OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern.RawText ?? "";
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods;
            foreach (var method in methods is { Count: > 0 } ? methods : ["GET", "POST"])
                routes.Add((method, pattern));
        }
        return routes;
    }
}

/// <summary>The app with the matrix's world, made once per database.</summary>
public abstract partial class MatrixApp(DatabaseProvider provider) : BrobyggeApp(provider)
{
    private Task<MatrixWorld>? _world;
    private readonly Lock _lock = new();

    public Task<MatrixWorld> WorldAsync()
    {
        lock (_lock)
            return _world ??= BuildWorldAsync();
    }

    private async Task<MatrixWorld> BuildWorldAsync()
    {
        Clock.Now = new DateTimeOffset(2025, 9, 1, 9, 0, 0, TimeSpan.Zero);
        var project = await CreateProjectAsync();
        var coach = await CreateUserAsync(Roles.Coach, project);
        var manager = await CreateUserAsync(Roles.ProjectManager, project);
        var secondCoach = await CreateUserAsync(Roles.Coach, project);
        var bridgeBuilder = await CreateUserAsync(Roles.BridgeBuilder, project);
        var enrolment = await CreateParticipantAsync(project, coach);
        var lead = await LeadAsync(project, coach);

        var elsewhere = await CreateProjectAsync();
        var theirCoach = await CreateUserAsync(Roles.Coach, elsewhere);
        var theirManager = await CreateUserAsync(Roles.ProjectManager, elsewhere);
        var theirs = await CreateParticipantAsync(elsewhere, theirCoach);
        var theirLead = await LeadAsync(elsewhere, theirCoach);

        var participant = enrolment.Person!.LastName;
        var kinds = new Dictionary<string, NameKind>
        {
            [participant] = NameKind.Participant, [lead] = NameKind.Lead,
            [theirs.Person!.LastName] = NameKind.Participant, [theirLead] = NameKind.Lead,
        };
        var records = await RecordsAsync(project, enrolment, coach);

        var visitors = new List<Visitor>
        {
            new("anonymous", Reach.Anonymous, Anonymous(), null, null, new HashSet<string>()),
            await VisitorAsync("coach", Reach.Owner, coach, participant, lead),
            await VisitorAsync("project manager", Reach.Manager, manager, participant, lead),
            await VisitorAsync("second coach", Reach.Staff, secondCoach, lead),
            await VisitorAsync("bridge-builder", Reach.Staff, bridgeBuilder, lead),
            await VisitorAsync("other organisation's coach", Reach.Staff, theirCoach, theirs.Person.LastName, theirLead),
            await VisitorAsync("other organisation's project manager", Reach.OtherManager, theirManager, theirs.Person.LastName, theirLead),
        };
        foreach (var role in new[] { Roles.EmployerLiaison, Roles.PartnerLiaison })
            visitors.Add(await VisitorAsync(role, Reach.SignedIn, await CreateUserAsync(role, project)));
        visitors.Add(await VisitorAsync(Roles.Evaluator, Reach.Evaluator, await CreateUserAsync(Roles.Evaluator, project)));
        visitors.Add(await VisitorAsync(Roles.Administrator, Reach.Administrator, await CreateUserAsync(Roles.Administrator, project)));

        return records with { Kinds = kinds, Visitors = visitors };
    }

    private async Task<Visitor> VisitorAsync(string name, Reach reach, User user, params string[] sees)
    {
        var client = await LoginAsync(user);
        var start = await client.GetStringAsync("/");
        return new Visitor(name, reach, client, (await this.TokensAsync(user)).AccessToken, AntiforgeryTokenIn(start), sees.ToHashSet());
    }

    /// <summary>A person met by the coach and not enrolled; returns their last name.</summary>
    private async Task<string> LeadAsync(Project project, User coach)
        => await WithDbAsync(async (db, _) =>
        {
            var person = new Person { OrganisationId = project.OrganisationId, FirstName = "Lead", LastName = "Lead" + Guid.NewGuid().ToString("N")[..8], Gender = Gender.Man, BirthDate = new DateOnly(1985, 1, 2) };
            db.Persons.Add(person);
            db.Contacts.Add(new Contact { OrganisationId = project.OrganisationId, PersonId = person.Id, ProjectId = project.Id, ContactedOn = new DateOnly(2025, 8, 1), RegisteredById = coach.Id });
            await db.SaveChangesAsync();
            return person.LastName;
        });

    private async Task<MatrixWorld> RecordsAsync(Project project, Brobygge.Enrolments.Enrolment enrolment, User coach)
        => await WithDbAsync(async (db, _) =>
        {
            var organisation = project.OrganisationId;
            var contact = new Contact { OrganisationId = organisation, PersonId = enrolment.PersonId, ProjectId = project.Id, ContactedOn = new DateOnly(2025, 2, 20), RegisteredById = coach.Id, EnrolledOn = enrolment.EnrolledOn };
            var activity = new Activity { OrganisationId = organisation, EnrolmentId = enrolment.Id, Kind = ActivityKind.Meeting, OccurredOn = new DateOnly(2025, 3, 5) };
            var step = new PlanStep { OrganisationId = organisation, EnrolmentId = enrolment.Id, Title = "CV" };
            var outcome = new Outcome { OrganisationId = organisation, EnrolmentId = enrolment.Id, Kind = OutcomeKind.Studies, StudiesType = StudiesType.Sfi, StartedOn = new DateOnly(2025, 4, 1) };
            var followUp = new FollowUp { OrganisationId = organisation, EnrolmentId = enrolment.Id, Kind = FollowUpKind.OnDemand, DueOn = new DateOnly(2025, 8, 1) };
            var mapping = new Mapping { OrganisationId = organisation, EnrolmentId = enrolment.Id, Number = 1, MappedOn = new DateOnly(2025, 3, 3) };
            var note = new Brobygge.Journal.JournalNote { OrganisationId = organisation, EnrolmentId = enrolment.Id, WrittenOn = new DateOnly(2025, 3, 5), Text = "Första mötet." };
            db.AddRange(contact, activity, step, outcome, followUp, mapping, note);
            await db.SaveChangesAsync();
            return new MatrixWorld(project.Id, coach.Id, enrolment.PersonId, enrolment.Id, contact.Id, activity.Id, step.Id, outcome.Id,
                followUp.Id, mapping.Id, new Dictionary<string, NameKind>(), [], note.Id);
        });
}

public sealed class SqliteMatrixApp() : MatrixApp(DatabaseProvider.Sqlite);

public sealed class PostgresMatrixApp() : MatrixApp(DatabaseProvider.Postgres);
