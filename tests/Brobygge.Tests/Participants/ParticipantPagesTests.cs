using System.Net;
using Brobygge.Auditing;
using Brobygge.Identity;
using Brobygge.Participants;
using Brobygge.Tests.Fixtures;
using Brobygge.Tests.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Brobygge.Tests.Participants;

public abstract class ParticipantPagesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = app.Available();

    private static Dictionary<string, string> ValidForm(Guid projectId, string lastName) => new()
    {
        ["Input.FirstName"] = "Nesrin",
        ["Input.LastName"] = lastName,
        ["Input.Gender"] = "Woman",
        ["Input.IdentityNumber"] = "19820319-2383",
        ["Input.BirthDate"] = "",
        ["Input.Languages"] = "ar, sv",
        ["Input.District"] = "Drottninghög",
        ["Enrolment.ProjectId"] = projectId.ToString(),
        ["Enrolment.EnrolledOn"] = "2025-02-03",
        ["Enrolment.StatusAtEntry"] = "LongTermUnemployed",
    };

    private Task<int> PersonCountAsync(Guid organisationId)
        => _app.WithDbAsync((db, _) => db.Persons.CountAsync(p => p.OrganisationId == organisationId));

    [Fact]
    public async Task A_coach_registers_a_participant_who_lands_on_their_caseload_with_the_number_encrypted()
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var client = await _app.LoginAsync(coach);
        var lastName = "Haddad" + Guid.NewGuid().ToString("N")[..4];

        var response = await BrobyggeApp.PostFormAsync(client, "/Participants/Create", ValidForm(project.Id, lastName));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var details = await client.GetStringAsync(response.Headers.Location);
        Assert.Contains("19820319-2383", details);
        Assert.Contains(lastName, await client.GetStringAsync("/"));
        var stored = await _app.WithDbAsync((db, _) => db.Persons.SingleAsync(p => p.LastName == lastName));
        Assert.Equal(new DateOnly(1982, 3, 19), stored.BirthDate);
        Assert.NotNull(stored.IdentityNumberCipher);
        Assert.DoesNotContain("198203192383", stored.IdentityNumberCipher);
        Assert.Equal(64, stored.IdentityNumberIndex!.Length);
    }

    [Theory]
    [InlineData("Input.IdentityNumber", "19820319-2384", "Kontrollsiffran")]
    [InlineData("Input.IdentityNumber", "19820230-2383", "datum")]
    [InlineData("Input.FirstName", "", "förnamn")]
    [InlineData("Input.Gender", "", "kön")]
    [InlineData("Input.Email", "not-an-address", "e-postadress")]
    [InlineData("Input.Languages", "xx", "ISO 639")]
    [InlineData("Enrolment.EnrolledOn", "2019-01-01", "projektperioden")]
    [InlineData("Enrolment.StatusAtEntry", "", "arbetsmarknadsstatus")]
    public async Task A_bad_field_is_named_on_the_form_and_nothing_is_saved(string field, string value, string messagePart)
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var client = await _app.LoginAsync(coach);
        var form = ValidForm(project.Id, "Bad" + Guid.NewGuid().ToString("N")[..4]);
        form[field] = value;

        var response = await BrobyggeApp.PostFormAsync(client, "/Participants/Create", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Inget sparades", page);
        FieldErrors.AssertNamed(page, field, messagePart);
        Assert.Equal(0, await PersonCountAsync(project.OrganisationId));
    }

    [Fact]
    public async Task A_birth_date_that_disagrees_with_the_identity_number_is_refused()
    {
        var project = await _app.CreateProjectAsync();
        var client = await _app.LoginAsync(await _app.CreateUserAsync(Roles.Coach, project));
        var form = ValidForm(project.Id, "Date");
        form["Input.BirthDate"] = "1982-03-20";

        var response = await BrobyggeApp.PostFormAsync(client, "/Participants/Create", form);

        FieldErrors.AssertNamed(await response.Content.ReadAsStringAsync(), "Input.BirthDate", "stämmer inte med personnumret");
        Assert.Equal(0, await PersonCountAsync(project.OrganisationId));
    }

    [Fact]
    public async Task The_same_identity_number_cannot_be_registered_twice_in_an_organisation()
    {
        var project = await _app.CreateProjectAsync();
        var client = await _app.LoginAsync(await _app.CreateUserAsync(Roles.Coach, project));
        Assert.Equal(HttpStatusCode.Redirect, (await BrobyggeApp.PostFormAsync(client, "/Participants/Create", ValidForm(project.Id, "First"))).StatusCode);

        var second = await BrobyggeApp.PostFormAsync(client, "/Participants/Create", ValidForm(project.Id, "Second"));

        FieldErrors.AssertNamed(await second.Content.ReadAsStringAsync(), "Input.IdentityNumber", "En person som du kan se har redan det här personnumret");
        Assert.Equal(1, await PersonCountAsync(project.OrganisationId));
    }

    private static async Task<string> SearchAsync(HttpClient client, string query)
    {
        var response = await BrobyggeApp.PostFormAsync(client, "/Participants", new() { ["Q"] = query });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Search_finds_a_participant_by_name_and_by_identity_number()
    {
        var project = await _app.CreateProjectAsync();
        var client = await _app.LoginAsync(await _app.CreateUserAsync(Roles.Coach, project));
        var lastName = "Sökbar" + Guid.NewGuid().ToString("N")[..4];
        await BrobyggeApp.PostFormAsync(client, "/Participants/Create", ValidForm(project.Id, lastName));
        await _app.CreateParticipantAsync(project, firstName: "Someone");

        var byNumber = await SearchAsync(client, "198203192383");
        var byName = await SearchAsync(client, "nesrin " + lastName[..4].ToLowerInvariant());
        var miss = await SearchAsync(client, "nobody-at-all");

        Assert.Contains(lastName, byNumber);
        Assert.Contains(lastName, byName);
        Assert.DoesNotContain(lastName, miss);
    }

    [Fact]
    public async Task Editing_saves_the_changes_and_audits_the_read_and_the_write()
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var enrolment = await _app.CreateParticipantAsync(project, coach);
        var client = await _app.LoginAsync(coach);
        var url = $"/Participants/Edit/{enrolment.PersonId}";
        var version = await _app.WithDbAsync((db, _) => db.Persons.Where(p => p.Id == enrolment.PersonId).Select(p => p.Version).SingleAsync());

        var response = await BrobyggeApp.PostFormAsync(client, url, new()
        {
            ["Version"] = version.ToString(), ["Input.FirstName"] = "Amira", ["Input.LastName"] = "Omar", ["Input.Gender"] = "Woman", ["Input.BirthDate"] = "1990-05-17",
        });
        await client.GetStringAsync(response.Headers.Location);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var audit = await _app.WithDbAsync((db, _) => db.AuditEvents.Where(a => a.EntityId == enrolment.PersonId).ToListAsync());
        Assert.Contains(audit, a => a.Action == AuditAction.Update && a.UserId == coach.Id);
        Assert.Contains(audit, a => a.Action == AuditAction.Read && a.UserId == coach.Id);
        Assert.Equal("Amira", (await _app.WithDbAsync((db, _) => db.Persons.SingleAsync(p => p.Id == enrolment.PersonId))).FirstName);
    }

    [Fact]
    public async Task A_second_save_from_an_old_version_is_refused_keeps_what_was_typed_and_shows_the_other_change_beside_it()
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var manager = await _app.CreateUserAsync(Roles.ProjectManager, project);
        var enrolment = await _app.CreateParticipantAsync(project, coach);
        var url = $"/Participants/Edit/{enrolment.PersonId}";
        var version = await _app.WithDbAsync((db, _) => db.Persons.Where(p => p.Id == enrolment.PersonId).Select(p => p.Version).SingleAsync());
        Dictionary<string, string> Form(string district) => new()
        {
            ["Version"] = version.ToString(), ["Input.FirstName"] = "Amal", ["Input.LastName"] = enrolment.Person!.LastName, ["Input.Gender"] = "Woman", ["Input.BirthDate"] = "1990-05-17", ["Input.District"] = district,
        };

        var first = await BrobyggeApp.PostFormAsync(await _app.LoginAsync(coach), url, Form("Dalhem"));
        var second = await BrobyggeApp.PostFormAsync(await _app.LoginAsync(manager), url, Form("Husensjö"));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var page = WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync());
        Assert.Contains("Någon annan sparade", page);
        Assert.Contains("name=\"Input.District\" value=\"Husensjö\"", page);
        Assert.Contains("id=\"Input_District_theirs\">Sparat av någon annan: Dalhem<", page);
        Assert.Equal("Dalhem", (await _app.WithDbAsync((db, _) => db.Persons.SingleAsync(p => p.Id == enrolment.PersonId))).District);
    }

    [Fact]
    public async Task The_start_page_lists_the_coachs_own_caseload_only()
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var other = await _app.CreateUserAsync(Roles.Coach, project);
        var mine = await _app.CreateParticipantAsync(project, coach);
        var theirs = await _app.CreateParticipantAsync(project, other);

        var start = await (await _app.LoginAsync(coach)).GetStringAsync("/");

        Assert.Contains(mine.Person!.LastName, start);
        Assert.DoesNotContain(theirs.Person!.LastName, start);
        Assert.Contains("Min ärendelista (1)", WebUtility.HtmlDecode(start));
    }
}

public sealed class SqliteParticipantPagesTests(SqliteApp app) : ParticipantPagesTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresParticipantPagesTests(PostgresApp app) : ParticipantPagesTests<PostgresApp>(app);
