using System.Net;
using Brobygge.Auditing;
using Brobygge.Enrolments;
using Brobygge.Identity;
using Brobygge.Participants;
using Brobygge.Tests.Api;
using Brobygge.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Tests.Enrolments;

/// <summary>Each enrolment keeps its own facts at entry (issue 12, finding 7); a person's LMA number and home
/// municipality (finding 9, AMIF).</summary>
public abstract class FactsAtEntryTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = Available(app);

    private static TApp Available(TApp app)
    {
        app.SkipIfUnavailable();
        return app;
    }

    private static Dictionary<string, string> RegistrationForm(Guid projectId, string lastName) => new()
    {
        ["Input.FirstName"] = "Selam",
        ["Input.LastName"] = lastName,
        ["Input.Gender"] = "Woman",
        ["Input.IdentityNumber"] = "",
        ["Input.BirthDate"] = "2001-05-17",
        ["Input.LmaNumber"] = "",
        ["Input.MunicipalityCode"] = "1283",
        ["Input.Languages"] = "Tigrinja, sv",
        ["Input.EducationLevel"] = "3",
        ["Enrolment.ProjectId"] = projectId.ToString(),
        ["Enrolment.EnrolledOn"] = "2025-02-03",
        ["Enrolment.StatusAtEntry"] = "LongTermUnemployed",
        ["Enrolment.UnemployedSince"] = "2024-06-01",
        ["Enrolment.Citizenship"] = "ER",
        ["Enrolment.CountryOfBirth"] = "ER",
        ["Enrolment.ParentsBornAbroad"] = "Both",
    };

    private async Task<(HttpClient Client, User Coach, Enrolment Enrolment)> RegisterAsync(Dictionary<string, string>? changes = null)
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var client = await _app.LoginAsync(coach);
        var form = RegistrationForm(project.Id, "Tesfay" + Guid.NewGuid().ToString("N")[..6]);
        foreach (var (field, value) in changes ?? [])
            form[field] = value;
        var response = await BrobyggeApp.PostFormAsync(client, "/Participants/Create", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var enrolment = await _app.WithDbAsync((db, _) => db.Enrolments.AsNoTracking().Include(e => e.Person)
            .SingleAsync(e => e.ProjectId == project.Id));
        return (client, coach, enrolment);
    }

    [Fact]
    public async Task Enrolling_takes_the_facts_at_entry_from_the_person_and_the_form()
    {
        var (_, _, enrolment) = await RegisterAsync();

        Assert.Equal((Gender.Woman, 23, 3, "1283"), (enrolment.GenderAtEntry, enrolment.AgeAtEntry, enrolment.EducationLevelAtEntry, enrolment.MunicipalityAtEntry));
        Assert.Equal((new DateOnly(2024, 6, 1), "ER", ParentsBornAbroad.Both), (enrolment.UnemployedSince, enrolment.CountryOfBirth, enrolment.ParentsBornAbroad));
        Assert.Equal(["ER"], enrolment.Citizenship);
        Assert.Equal((true, true), (enrolment.IsThirdCountryNational, enrolment.HasForeignBackground));
    }

    [Fact]
    public async Task Editing_the_person_changes_none_of_the_facts_a_report_already_counted()
    {
        var (client, _, enrolment) = await RegisterAsync();
        var person = enrolment.Person!;

        var response = await BrobyggeApp.PostFormAsync(client, $"/Participants/Edit/{person.Id}", new()
        {
            ["Version"] = person.Version.ToString(),
            ["Input.FirstName"] = person.FirstName, ["Input.LastName"] = person.LastName, ["Input.Gender"] = "NonBinary",
            ["Input.IdentityNumber"] = "", ["Input.BirthDate"] = "1980-01-01", ["Input.MunicipalityCode"] = "0180",
            ["Input.EducationLevel"] = "7", ["Input.Languages"] = "ti",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await _app.WithDbAsync((db, _) => db.Enrolments.AsNoTracking().Include(e => e.Person).SingleAsync(e => e.Id == enrolment.Id));
        Assert.Equal((Gender.NonBinary, 7, "0180"), (after.Person!.Gender, after.Person.EducationLevel, after.Person.MunicipalityCode));
        Assert.Equal((Gender.Woman, 23, 3, "1283"), (after.GenderAtEntry, after.AgeAtEntry, after.EducationLevelAtEntry, after.MunicipalityAtEntry));
    }

    [Fact]
    public async Task A_correction_changes_the_facts_and_is_audited_with_the_user()
    {
        var (client, coach, enrolment) = await RegisterAsync();
        var url = $"/Enrolments/Facts/{enrolment.Id}";

        var response = await BrobyggeApp.PostFormAsync(client, url, new()
        {
            ["Input.Version"] = enrolment.Version.ToString(),
            ["Input.Gender"] = "Woman", ["Input.Age"] = "24", ["Input.EducationLevel"] = "4", ["Input.StatusAtEntry"] = "LongTermUnemployed",
            ["Input.UnemployedSince"] = "2023-12-01", ["Input.Citizenship"] = "Eritrea, Sverige", ["Input.CountryOfBirth"] = "SE",
            ["Input.ParentsBornAbroad"] = "One", ["Input.MunicipalityCode"] = "Helsingborg",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await _app.WithDbAsync((db, _) => db.Enrolments.AsNoTracking().SingleAsync(e => e.Id == enrolment.Id));
        Assert.Equal((24, 4, "SE", ParentsBornAbroad.One), (after.AgeAtEntry, after.EducationLevelAtEntry, after.CountryOfBirth, after.ParentsBornAbroad));
        Assert.Equal(["ER", "SE"], after.Citizenship);
        Assert.Equal((false, false), (after.IsThirdCountryNational, after.HasForeignBackground));
        Assert.NotEqual(enrolment.Version, after.Version);
        var audit = await _app.WithDbAsync((db, _) => db.AuditEvents.AsNoTracking().Where(a => a.EntityId == enrolment.Id && a.Action == AuditAction.Update).ToListAsync());
        Assert.Contains(audit, a => a.UserId == coach.Id && a.EntityType == nameof(Enrolment));
    }

    [Fact]
    public async Task A_correction_whose_unemployment_disagrees_with_the_status_is_refused_at_the_field_and_changes_nothing()
    {
        var (client, _, enrolment) = await RegisterAsync();
        var url = $"/Enrolments/Facts/{enrolment.Id}";

        // 23 at entry and unemployed since 2024-12-01: two months, not long-term.
        var response = await BrobyggeApp.PostFormAsync(client, url, new()
        {
            ["Input.Version"] = enrolment.Version.ToString(),
            ["Input.Gender"] = "Woman", ["Input.Age"] = "23", ["Input.StatusAtEntry"] = "LongTermUnemployed",
            ["Input.UnemployedSince"] = "2024-12-01", ["Input.Citizenship"] = "XX",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Inget sparades", text);
        Assert.Contains("mer än 6 månader", text);
        Assert.Contains("id=\"Input_UnemployedSince_error\"", text);
        Assert.Contains("id=\"Input_Citizenship_error\"", text);
        var after = await _app.WithDbAsync((db, _) => db.Enrolments.AsNoTracking().SingleAsync(e => e.Id == enrolment.Id));
        Assert.Equal((enrolment.Version, new DateOnly(2024, 6, 1)), (after.Version, after.UnemployedSince));
    }

    [Fact]
    public async Task Enrolling_with_a_status_the_unemployment_date_contradicts_is_refused_and_nothing_is_saved()
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var client = await _app.LoginAsync(coach);
        var lastName = "Kidane" + Guid.NewGuid().ToString("N")[..6];
        var form = RegistrationForm(project.Id, lastName);
        form["Enrolment.StatusAtEntry"] = "Unemployed";
        form["Enrolment.UnemployedSince"] = "2022-01-01";

        var response = await BrobyggeApp.PostFormAsync(client, "/Participants/Create", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("långtidsarbetslöshet", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(0, await _app.WithDbAsync((db, _) => db.Persons.CountAsync(p => p.LastName == lastName)));
    }

    [Fact]
    public async Task The_API_corrects_the_facts_and_names_each_bad_field()
    {
        var (_, coach, enrolment) = await RegisterAsync();
        var api = await _app.ApiClientAsync(coach);
        var url = $"/api/v1/enrolments/{enrolment.Id}/facts-at-entry";
        var read = await (await api.GetAsync(url)).ReadAsync<EntryFactsApi.EntryFactsResponse>();
        Assert.Equal((23, true, true), (read.AgeAtEntry, read.LongTermUnemployed, read.ThirdCountryNational));

        var bad = await api.PutJsonAsync(url, new
        {
            gender = "Woman", age = 23, statusAtEntry = "Employed", unemployedSince = "2024-06-01", citizenship = new[] { "xx" },
            countryOfBirth = "Atlantis", municipalityCode = "9999", version = read.Version,
        });
        var errors = await bad.ValidationErrorsAsync();
        Assert.Equal(["citizenship", "countryOfBirth", "municipalityCode", "unemployedSince"], errors.Keys.Order());

        var good = await api.PutJsonAsync(url, new
        {
            gender = "Woman", age = 23, statusAtEntry = "LongTermUnemployed", unemployedSince = "2024-06-01", citizenship = new[] { "stateless" },
            countryOfBirth = "ER", parentsBornAbroad = "Both", municipalityCode = "1283", version = read.Version,
        });
        var corrected = await good.ReadAsync<EntryFactsApi.EntryFactsResponse>();
        Assert.Equal(["stateless"], corrected.Citizenship);
        Assert.True(corrected.ThirdCountryNational);
        var stale = await api.PutJsonAsync(url, new { gender = "Man", age = 23, statusAtEntry = "LongTermUnemployed", version = read.Version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    [Fact]
    [Trait("Category", "Security")]
    public async Task An_LMA_number_is_kept_encrypted_found_by_its_index_and_refused_for_a_second_person()
    {
        var (client, _, enrolment) = await RegisterAsync(new() { ["Input.LmaNumber"] = "12-345678" });
        var person = await _app.WithDbAsync((db, _) => db.Persons.AsNoTracking().SingleAsync(p => p.Id == enrolment.PersonId));

        Assert.NotNull(person.LmaNumberCipher);
        Assert.DoesNotContain("345678", person.LmaNumberCipher);
        Assert.Equal(64, person.LmaNumberIndex!.Length);
        Assert.Contains("12-345678", await client.GetStringAsync($"/Participants/Details/{person.Id}"));

        var project = await _app.WithDbAsync((db, _) => db.Projects.AsNoTracking().SingleAsync(p => p.Id == enrolment.ProjectId));
        var second = RegistrationForm(project.Id, "Other" + Guid.NewGuid().ToString("N")[..6]);
        second["Input.LmaNumber"] = "12345678/2";
        var response = await BrobyggeApp.PostFormAsync(client, "/Participants/Create", second);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("LMA-numret", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(1, await _app.WithDbAsync((db, _) => db.Persons.CountAsync(p => p.OrganisationId == project.OrganisationId)));
    }

    [Theory]
    [InlineData("Input.LmaNumber", "1234-5678", "LMA-kortet")]
    [InlineData("Input.MunicipalityCode", "9999", "Det finns ingen sådan kommun")]
    [InlineData("Input.Languages", "xx", "Skriv varje språk som ISO 639-kod")]
    [InlineData("Enrolment.Citizenship", "XX", "Det finns inget sådant land")]
    [InlineData("Enrolment.CountryOfBirth", "Atlantis", "Det finns inget sådant land")]
    public async Task A_code_outside_its_list_is_refused_at_its_field(string field, string value, string message)
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var client = await _app.LoginAsync(coach);
        var form = RegistrationForm(project.Id, "Bad" + Guid.NewGuid().ToString("N")[..6]);
        form[field] = value;

        var response = await BrobyggeApp.PostFormAsync(client, "/Participants/Create", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, text);
        Assert.Equal(0, await _app.WithDbAsync((db, _) => db.Persons.CountAsync(p => p.OrganisationId == project.OrganisationId)));
    }

    [Fact]
    public async Task The_participant_page_names_languages_countries_and_municipalities_and_shows_no_raw_code()
    {
        var (client, _, enrolment) = await RegisterAsync(new() { ["Input.Languages"] = "prs, sv" });

        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/Participants/Details/{enrolment.PersonId}"));

        Assert.Contains("<dd>Dari, Svenska</dd>", page);
        Assert.Contains("<dd>Helsingborg</dd>", page);
        Assert.Contains("<dd>Eritrea</dd>", page);
        Assert.DoesNotContain("<dd>prs", page);
        Assert.DoesNotContain("<dd>1283</dd>", page);
        Assert.DoesNotContain("<dd>ER</dd>", page);
    }
}

public sealed class SqliteFactsAtEntryTests(SqliteApp app) : FactsAtEntryTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresFactsAtEntryTests(PostgresApp app) : FactsAtEntryTests<PostgresApp>(app);
