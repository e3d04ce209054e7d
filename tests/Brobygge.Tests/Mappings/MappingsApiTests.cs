using System.Net;
using Brobygge.Identity;
using Brobygge.Taxonomy;
using Brobygge.Tests.Api;
using Brobygge.Tests.Fixtures;
using static Brobygge.Mappings.MappingsApi;

namespace Brobygge.Tests.Mappings;

/// <summary>Mapping versions through the API: the page's rules, versions never edited, and no lost updates.</summary>
public abstract class MappingsApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = app.Available();

    private static object Version(int basedOn, string mappedOn, string occupation, string years) => new
    {
        basedOn,
        mapping = new
        {
            mappedOn, educationLevel = 6, educationCountry = "SY",
            experience = new[] { new { occupation, years } },
            languages = new[] { new { code = "ar", level = "Native" } },
            drivingLicences = new[] { "B" },
        },
    };

    [Fact]
    public async Task Versions_are_added_in_turn_and_a_stale_one_is_refused()
    {
        await BuiltInTaxonomy.EnsureLoadedAsync(_app.Services);
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var enrolment = await _app.CreateParticipantAsync(project, coach, enrolledOn: new DateOnly(2025, 1, 10));
        var client = await _app.ApiClientAsync(coach);
        var url = $"/api/v1/enrolments/{enrolment.Id}/mappings";

        var first = await (await client.PostJsonAsync(url, Version(0, "2025-02-01", "Kock, à la carte", "2"))).ReadAsync<MappingResponse>(HttpStatusCode.Created);
        var second = await (await client.PostJsonAsync(url, Version(1, "2025-06-01", "Kock, à la carte", "3,5"))).ReadAsync<MappingResponse>(HttpStatusCode.Created);
        var stale = await client.PostJsonAsync(url, Version(1, "2025-06-02", "Kock, à la carte", "4"));

        Assert.Equal(1, first.Number);
        Assert.Equal(2, second.Number);
        Assert.Equal(3.5, Assert.Single(second.Experience).Years);
        await stale.ProblemAsync(HttpStatusCode.Conflict);
        var versions = await (await client.GetAsync(url)).ReadAsync<List<MappingResponse>>();
        Assert.Equal([2, 1], versions.Select(v => v.Number));
    }

    [Fact]
    public async Task An_unknown_occupation_and_a_bad_year_are_named_and_nothing_is_saved()
    {
        await BuiltInTaxonomy.EnsureLoadedAsync(_app.Services);
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var enrolment = await _app.CreateParticipantAsync(project, coach, enrolledOn: new DateOnly(2025, 1, 10));
        var client = await _app.ApiClientAsync(coach);

        var response = await client.PostJsonAsync($"/api/v1/enrolments/{enrolment.Id}/mappings", Version(0, "2025-02-01", "Astronautkock på Mars", "70"));

        var errors = await response.ValidationErrorsAsync();
        Assert.Equal(["mapping.experience[0].occupation", "mapping.experience[0].years"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("Astronautkock på Mars", Assert.Single(errors["mapping.experience[0].occupation"]));
        var versions = await (await client.GetAsync($"/api/v1/enrolments/{enrolment.Id}/mappings")).ReadAsync<List<MappingResponse>>();
        Assert.Empty(versions);
    }

    [Fact]
    public async Task Another_coachs_participant_has_no_mappings_to_read_or_write()
    {
        var project = await _app.CreateProjectAsync();
        var theirs = await _app.CreateParticipantAsync(project, await _app.CreateUserAsync(Roles.Coach, project));
        var client = await _app.ApiClientAsync(await _app.CreateUserAsync(Roles.Coach, project));

        await (await client.GetAsync($"/api/v1/enrolments/{theirs.Id}/mappings")).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostJsonAsync($"/api/v1/enrolments/{theirs.Id}/mappings", Version(0, "2025-02-01", "Kock, à la carte", "2"))).ProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class SqliteMappingsApiTests(SqliteApp app) : MappingsApiTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresMappingsApiTests(PostgresApp app) : MappingsApiTests<PostgresApp>(app);
