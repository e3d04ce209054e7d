using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Brobygge.Identity;
using Brobygge.Projects;
using Brobygge.Tests.Api;
using Brobygge.Tests.Fixtures;
using Brobygge.Tests.Forms;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Tests.Security;

/// <summary>
/// Hostile input, generated (FsCheck, fixed seed and case count, so every run sends the same requests): one field of an
/// otherwise valid API body, query or page form is replaced by something malformed, oversized, NaN, NUL, broken UTF-8,
/// an injection string, an extreme date or an extreme page. Whatever it is, the answer is never a 500; a 400 names the
/// field; and a refused request (any 4xx) writes nothing: the organisation's row counts are the same before and after.
/// A value that is harmless text (an injection string is just a name) may be saved.
/// </summary>
[Trait("Category", "Security")]
public abstract partial class HostileInputTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = app.Available();

    // Fixed: the same cases every run (the gamma must be odd). About 140 requests per database in all.
    private const ulong Seed = 20261127;
    private const ulong Gamma = 0x9E3779B97F4A7C15;
    private static Config Cases(int count) => Config.QuickThrowOnFailure.WithMaxTest(count).WithReplay(Seed, Gamma).WithQuietOnSuccess(true);

    private const string BrokenUtf8 = "«broken UTF-8»";
    private static readonly string Long = new('x', 10_000);
    private static readonly string TwentyThousandLanguages = "[" + string.Join(",", Enumerable.Repeat("\"ar\"", 20_000)) + "]";

    /// <summary>JSON values, written as they go on the wire; some are no valid JSON at all.</summary>
    private static readonly string[] JsonValues =
    [
        "\"\\u0000\"", "\"Am\\u0000al\"", "\"\\u001b[31m\"", "\"line\\nbreak\"", "\"\\ud800\"", "\"<script>alert(1)</script>\"",
        "\"'; drop table \\\"Persons\\\"; --\"", "\"{{7*7}}\"", "\"../../etc/passwd\"", "\"\"", "\" \"", "\"" + Long + "\"",
        "\"0001-01-01\"", "\"9999-12-31\"", "\"2025-02-30\"", "\"1899-12-31\"", "\"20250101\"",
        "NaN", "\"NaN\"", "Infinity", "\"-Infinity\"", "1e309", "-1", "2147483648", "1.5", "0",
        "null", "true", "[]", "{}", "[null]", "[\"ar\",null]", TwentyThousandLanguages, "\"ar\"", BrokenUtf8,
    ];

    /// <summary>Form values as a browser (or anyone) could post them.</summary>
    private static readonly string[] FormValues =
    [
        "Am\0al", "\u001b[2J", "a\nb", "<script>alert(1)</script>", "'; drop table \"Persons\"; --", "{{7*7}}", "../../etc/passwd", "",
        Long, "0001-01-01", "9999-12-31", "2025-02-30", "NaN", "Infinity", "-1", "2147483648", "1e309", "true", "Meeting",
    ];

    private static readonly string[] PageValues = ["2147483647", "-2147483648", "0", "-1", "abc", "1e3", "99999999999", "", "%00", "%FF"];

    private static readonly string[] QueryValues = ["%00", "%1B", "'; drop table \"Persons\"; --", "<script>", "19820319-2383", Uri.EscapeDataString(Long), "%FF%FE"];

    // ---- what must be refused wherever it is sent; the rest may be harmless text and saved ----

    private static readonly string[] RefusedJson =
    [
        "\"\\u0000\"", "\"Am\\u0000al\"", "\"\\u001b[31m\"", "\"\\ud800\"", "NaN", "Infinity", "1e309",
        "[null]", "[\"ar\",null]", TwentyThousandLanguages, BrokenUtf8,
    ];

    private static readonly string[] ImplausibleDates = ["0001-01-01", "9999-12-31", "2025-02-30", "1899-12-31"];

    private static bool IsDateField(string field) => field.EndsWith("On", StringComparison.Ordinal) || field.EndsWith("Date", StringComparison.Ordinal);

    private static bool IsMultiLine(string field) => field.EndsWith("otes", StringComparison.Ordinal) || field.EndsWith("oals", StringComparison.Ordinal) || field.EndsWith("kills", StringComparison.Ordinal);

    private static bool MustRefuseJson(string field, string value)
        => RefusedJson.Contains(value) || (value == "\"line\\nbreak\"" && !IsMultiLine(field))
            || (value == "null" && field is "mapping" or "mapping.experience" or "mapping.languages" or "mapping.drivingLicences")
            || (IsDateField(field) && ImplausibleDates.Any(date => value == $"\"{date}\""));

    private static bool MustRefuseForm(string field, string value)
        => value.Any(c => char.IsControl(c) && !(IsMultiLine(field) && c == '\n'))
            || (IsDateField(field) && ImplausibleDates.Contains(value))
            || (field.EndsWith("HoursPerWeek", StringComparison.Ordinal) && value is "NaN" or "Infinity" or "1e309");

    private static bool MustRefuseQuery(string parameter, string value)
        => parameter == "q" ? value is "%00" or "%1B" or "19820319-2383" : value.Length > 0; // a page or an id that is none

    // ---- what is attacked ----

    private sealed record World(Project Project, Guid EnrolmentId, HttpClient Api, HttpClient Browser)
    {
        public Dictionary<string, string> Tokens { get; } = [];

        /// <summary>The number of the latest mapping version, read before each mapping request (its basedOn).</summary>
        public int LatestMapping { get; set; }
    }

    private sealed record ApiTarget(string Name, Func<World, string> Path, Func<World, string> Body, string[] Fields);

    private static readonly ApiTarget[] ApiTargets =
    [
        new("contact", _ => "/api/v1/contacts", w => $$"""
            {"person": {"firstName": "Amal", "lastName": "Karimi", "gender": "Woman", "birthDate": "1990-05-17", "languages": ["ar", "sv"], "educationLevel": 3},
             "projectId": "{{w.Project.Id}}", "contactedOn": "2025-08-01", "language": "ar", "place": "Biblioteket", "notes": "Första mötet"}
            """,
            ["person", "person.firstName", "person.lastName", "person.gender", "person.birthDate", "person.languages", "person.educationLevel",
             "person.identityNumber", "projectId", "contactedOn", "language", "place", "notes"]),
        new("activity", w => $"/api/v1/enrolments/{w.EnrolmentId}/activities", _ => """
            {"kind": "Meeting", "occurredOn": "2025-04-01", "endsOn": "2025-04-02", "language": "ar", "interpreterUsed": false, "supervisor": "Anna", "notes": "Träff"}
            """,
            ["kind", "occurredOn", "endsOn", "language", "interpreterUsed", "employerName", "supervisor", "notes"]),
        new("plan step", w => $"/api/v1/enrolments/{w.EnrolmentId}/plan-steps", _ => """
            {"title": "Körkortsteori", "owner": "Coach", "dueOn": "2026-12-01", "status": "Planned"}
            """,
            ["title", "owner", "dueOn", "status"]),
        new("outcome", w => $"/api/v1/enrolments/{w.EnrolmentId}/outcomes", _ => """
            {"kind": "Employment", "startedOn": "2025-05-01", "employerName": "Skanska", "employmentType": "Permanent", "hoursPerWeek": 40}
            """,
            ["kind", "startedOn", "endedOn", "employerName", "employmentType", "hoursPerWeek"]),
        new("mapping", w => $"/api/v1/enrolments/{w.EnrolmentId}/mappings", w => $$"""
            {"basedOn": {{w.LatestMapping}}, "mapping": {"mappedOn": "2025-06-01", "educationLevel": 3, "educationField": "Bygg",
             "educationCountry": "SY", "experience": [], "languages": [{"code": "ar", "level": "Native"}], "skills": "", "drivingLicences": ["B"],
             "goals": "Jobb", "obstacles": ""} }
            """,
            ["basedOn", "mapping", "mapping.mappedOn", "mapping.educationField", "mapping.educationCountry", "mapping.experience",
             "mapping.languages", "mapping.skills", "mapping.drivingLicences", "mapping.goals"]),
        new("search", _ => "/api/v1/participants/search", _ => """{"query": "Amal", "page": 1, "pageSize": 10}""", ["query", "page", "pageSize"]),
    ];

    private sealed record PageTarget(string Name, Func<World, string> Path, Func<World, Dictionary<string, string>> Form);

    private static readonly PageTarget[] PageTargets =
    [
        new("activity", w => $"/Activities/New/{w.EnrolmentId}", _ => new()
        {
            ["Input.Kind"] = "Meeting", ["Input.OccurredOn"] = "2025-04-01", ["Input.EndsOn"] = "", ["Input.Language"] = "ar",
            ["Input.InterpreterUsed"] = "false", ["Input.EmployerName"] = "", ["Input.Supervisor"] = "Anna", ["Input.Notes"] = "Träff",
        }),
        new("plan step", w => $"/Plans/Step/{w.EnrolmentId}", _ => new()
        {
            ["Input.Title"] = "Körkortsteori", ["Input.Owner"] = "Coach", ["Input.DueOn"] = "2026-12-01", ["Input.Status"] = "Planned",
        }),
        new("outcome", w => $"/Outcomes/New/{w.EnrolmentId}", _ => new()
        {
            ["Input.Kind"] = "Employment", ["Input.StartedOn"] = "2025-05-01", ["Input.EndedOn"] = "", ["Input.EmployerName"] = "Skanska",
            ["Input.EmploymentType"] = "Permanent", ["Input.HoursPerWeek"] = "40",
        }),
        new("contact", _ => "/Contacts/Create", w => new()
        {
            ["Input.FirstName"] = "Amal", ["Input.LastName"] = "Karimi", ["Input.Gender"] = "Woman", ["Input.BirthDate"] = "1990-05-17",
            ["Input.IdentityNumber"] = "", ["Input.Languages"] = "ar, sv", ["Input.EducationLevel"] = "3", ["Input.District"] = "Centrum",
            ["Contact.ProjectId"] = w.Project.Id.ToString(), ["Contact.ContactedOn"] = "2025-08-01", ["Contact.Language"] = "ar",
            ["Contact.Place"] = "Biblioteket", ["Contact.Notes"] = "Första mötet",
        }),
    ];

    // ---- the properties ----

    [Fact]
    public async Task Hostile_json_fields_answer_4xx_naming_the_field_never_500_and_a_refusal_writes_nothing()
    {
        var world = await WorldAsync();
        var cases =
            from target in Gen.Elements(ApiTargets)
            from field in Gen.Elements(target.Fields)
            from value in Gen.Elements(JsonValues)
            where !(field == "mapping.skills" && value.Length > 1000) // the skills parser's own bounds are another change
            select (target, field, value);

        var sent = 0;
        Prop.ForAll(Arb.From(cases), c => Run(() => { sent++; return SendJsonAsync(world, c.target, c.field, c.value); })).Check(Cases(90));
        Assert.Equal(90, sent);
    }

    [Fact]
    public async Task Hostile_paging_and_queries_answer_4xx_naming_the_parameter_never_500()
    {
        var world = await WorldAsync();
        var cases =
            from list in Gen.Elements("participants", "contacts")
            from parameter in Gen.Elements(list == "participants" ? ["page", "pageSize", "q"] : new[] { "page", "pageSize", "projectId" })
            from value in Gen.Elements(parameter is "q" or "projectId" ? QueryValues : PageValues)
            select (list, parameter, value);

        var sent = 0;
        Prop.ForAll(Arb.From(cases), c => Run(() => { sent++; return ReadListAsync(world, c.list, c.parameter, c.value); })).Check(Cases(20));
        Assert.Equal(20, sent);
    }

    [Fact]
    public async Task Hostile_form_fields_are_refused_next_to_the_field_never_500_and_a_refusal_writes_nothing()
    {
        var world = await WorldAsync();
        var cases =
            from target in Gen.Elements(PageTargets)
            from field in Gen.Elements(target.Form(world).Keys.ToArray())
            from value in Gen.Elements(FormValues)
            select (target, field, value);

        var sent = 0;
        Prop.ForAll(Arb.From(cases), c => Run(() => { sent++; return PostFormAsync(world, c.target, c.field, c.value); })).Check(Cases(40));
        Assert.Equal(40, sent);
    }

    // ---- one request each ----

    private async Task SendJsonAsync(World world, ApiTarget target, string field, string value)
    {
        world.LatestMapping = await _app.WithDbAsync((db, _) => db.Mappings.Where(m => m.EnrolmentId == world.EnrolmentId).MaxAsync(m => (int?)m.Number)) ?? 0;
        var body = WithValue(target.Body(world), field);
        var placeholder = body.IndexOf(Placeholder, StringComparison.Ordinal);
        var (before, after) = (body[..placeholder], body[(placeholder + Placeholder.Length)..]);
        var bytes = Encoding.UTF8.GetBytes(before)
            .Concat(value == BrokenUtf8 ? [(byte)'"', (byte)'A', 0xC3, 0x28, 0xFF, (byte)'"'] : Encoding.UTF8.GetBytes(value))
            .Concat(Encoding.UTF8.GetBytes(after)).ToArray();
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };

        var rows = await RowsAsync(world);
        var response = await world.Api.PostAsync(target.Path(world), content);
        var what = $"{target.Name} {field} = {Shown(value)}";
        await AssertAnsweredAsync(response, what, MustRefuseJson(field, value), rows, world, async text =>
        {
            var errors = JsonDocument.Parse(text).RootElement.TryGetProperty("errors", out var e) ? e.EnumerateObject().Select(p => p.Name).ToList() : [];
            Assert.True(errors.Any(key => Names(key, field)), $"{what}: the 400 does not name {field}: {text}");
        });
    }

    private async Task ReadListAsync(World world, string list, string parameter, string value)
    {
        var query = new Dictionary<string, string> { ["page"] = "1", ["pageSize"] = "10" };
        if (list == "participants")
            query["q"] = "Amal";
        query[parameter] = value;
        var url = $"/api/v1/{list}?" + string.Join("&", query.Select(pair => $"{pair.Key}={pair.Value}"));
        var rows = await RowsAsync(world);
        var response = await world.Api.GetAsync(url);
        await AssertAnsweredAsync(response, url, MustRefuseQuery(parameter, value), rows, world, text =>
        {
            var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
            Assert.True(errors.Contains(parameter), $"{url}: the 400 does not name {parameter}: {text}");
            return Task.CompletedTask;
        });
    }

    private async Task PostFormAsync(World world, PageTarget target, string field, string value)
    {
        var path = target.Path(world);
        var form = target.Form(world);
        form[field] = value;
        form["__RequestVerificationToken"] = await TokenAsync(world, path);
        var rows = await RowsAsync(world);
        var response = await world.Browser.PostAsync(path, new FormUrlEncodedContent(form));
        var what = $"{target.Name} page {field} = {Shown(value)}";
        Assert.True((int)response.StatusCode < 500, $"{what}: {(int)response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            Assert.False(MustRefuseForm(field, value), $"{what}: saved");
            return; // the value was harmless text
        }
        Assert.Equal(rows, await RowsAsync(world));
        if (response.StatusCode == HttpStatusCode.OK)
        {
            var page = await response.Content.ReadAsStringAsync();
            Assert.True(FieldErrors.Of(page, field) is not null, $"{what}: refused without naming the field");
        }
        else
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode); // the form could not be read at all (a NUL): no field to name
    }

    // ---- shared ----

    private async Task AssertAnsweredAsync(HttpResponseMessage response, string what, bool mustRefuse, int rows, World world, Func<string, Task> namesTheField)
    {
        var text = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        Assert.True(status < 500, $"{what}: {status} {text}");
        Assert.False(mustRefuse && status < 400, $"{what}: accepted with {status}");
        if (status < 400)
            return; // accepted: the value was harmless (an injection string is only text)
        Assert.True(rows == await RowsAsync(world), $"{what}: refused with {status} but written");
        if (status == 400)
            await namesTheField(text);
    }

    /// <summary>The error key names the field, a part of it (a list item) or the object around it.</summary>
    private static bool Names(string key, string field)
        => key.Equals(field, StringComparison.OrdinalIgnoreCase)
            || key.StartsWith(field + ".", StringComparison.OrdinalIgnoreCase) || key.StartsWith(field + "[", StringComparison.OrdinalIgnoreCase)
            || field.StartsWith(key + ".", StringComparison.OrdinalIgnoreCase);

    private const string Placeholder = "\"«hostile»\"";

    /// <summary>The body with the field set to a placeholder, to be replaced by the raw hostile text.</summary>
    private static string WithValue(string body, string field)
    {
        var root = JsonNode.Parse(body)!.AsObject();
        var parts = field.Split('.');
        var parent = root;
        foreach (var part in parts[..^1])
            parent = parent[part]!.AsObject();
        parent[parts[^1]] = "«hostile»";
        return root.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static string Shown(string value) => value.Length > 40 ? value[..20] + $"…({value.Length} chars)" : value.Replace("\0", "\\0", StringComparison.Ordinal);

    /// <summary>FsCheck runs properties synchronously; the request runs on the thread pool so nothing waits on itself.</summary>
    private static void Run(Func<Task> request) => Task.Run(request).GetAwaiter().GetResult();

    private static async Task<string> TokenAsync(World world, string path)
    {
        if (!world.Tokens.TryGetValue(path, out var token))
        {
            var page = await world.Browser.GetStringAsync(path);
            world.Tokens[path] = token = BrobyggeApp.AntiforgeryTokenIn(page) ?? "";
        }
        return token;
    }

    private async Task<World> WorldAsync()
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var enrolment = await _app.CreateParticipantAsync(project, coach, enrolledOn: new DateOnly(2025, 3, 1));
        return new World(project, enrolment.Id, await _app.ApiClientAsync(coach), await _app.LoginAsync(coach));
    }

    /// <summary>Every table the organisation's work writes to.</summary>
    private Task<int> RowsAsync(World world)
    {
        var organisationId = world.Project.OrganisationId;
        return _app.WithDbAsync(async (db, _) =>
            await db.Persons.CountAsync(p => p.OrganisationId == organisationId) + await db.Contacts.CountAsync(c => c.OrganisationId == organisationId)
            + await db.Enrolments.CountAsync(e => e.OrganisationId == organisationId) + await db.Assignments.CountAsync(a => a.OrganisationId == organisationId)
            + await db.Activities.CountAsync(a => a.OrganisationId == organisationId) + await db.PlanSteps.CountAsync(s => s.OrganisationId == organisationId)
            + await db.Outcomes.CountAsync(o => o.OrganisationId == organisationId) + await db.FollowUps.CountAsync(f => f.OrganisationId == organisationId)
            + await db.Mappings.CountAsync(m => m.OrganisationId == organisationId));
    }
}

public sealed class SqliteHostileInputTests(SqliteApp app) : HostileInputTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresHostileInputTests(PostgresApp app) : HostileInputTests<PostgresApp>(app);
