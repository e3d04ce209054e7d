using System.Net;
using System.Net.Http.Json;
using Brobygge.Identity;
using Brobygge.Taxonomy;
using Brobygge.Tests.Fixtures;

namespace Brobygge.Tests.Taxonomy;

public abstract class TaxonomySearchTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = app.Available();

    /// <summary>Concepts of a type of the test's own, so what other tests load cannot change the answer.</summary>
    private async Task<string> TypeWithAsync(params string[] labels)
    {
        var type = "test-search-" + Guid.NewGuid().ToString("N")[..8];
        await _app.WithDbAsync(async db =>
        {
            db.TaxonomyConcepts.AddRange(labels.Select((label, i) => new TaxonomyConcept { ConceptId = $"{type}-{i}", Type = type, Label = label }));
            await db.SaveChangesAsync();
        });
        return type;
    }

    private async Task<HttpClient> CoachAsync()
    {
        var project = await _app.CreateProjectAsync();
        return await _app.LoginAsync(await _app.CreateUserAsync(Roles.Coach, project));
    }

    private static async Task<List<string>> LabelsAsync(HttpClient client, string type, string q)
    {
        var hits = await client.GetFromJsonAsync<List<TaxonomyHit>>($"/taxonomy/search?type={Uri.EscapeDataString(type)}&q={Uri.EscapeDataString(q)}");
        return hits!.Select(h => h.Label).ToList();
    }

    [Fact]
    public async Task Search_lists_labels_that_start_with_the_text_before_those_that_contain_it_in_swedish_order()
    {
        var type = await TypeWithAsync("Specialkock", "Kock, à la carte", "Dietkock", "Kockassistent", "Köksbiträde", "Ölbryggare");
        var client = await CoachAsync();

        Assert.Equal(["Kock, à la carte", "Kockassistent", "Dietkock", "Specialkock"], await LabelsAsync(client, type, "KOCK"));
    }

    [Fact]
    public async Task Search_ignores_case_in_swedish_letters_too()
    {
        var type = await TypeWithAsync("Översättare", "Tolk", "Språkgranskare, översättning");
        var client = await CoachAsync();

        Assert.Equal(["Översättare", "Språkgranskare, översättning"], await LabelsAsync(client, type, "öVERSÄTT"));
        Assert.Equal(["Översättare"], await LabelsAsync(client, type, "översättare"));
    }

    [Fact]
    public async Task Search_answers_at_most_twenty_and_only_of_the_type_asked_for()
    {
        var type = await TypeWithAsync([.. Enumerable.Range(1, 30).Select(i => $"Lärare {i:00}")]);
        var other = await TypeWithAsync("Lärare i annan typ");
        var client = await CoachAsync();

        var hits = await LabelsAsync(client, type, "lärare");

        Assert.Equal(20, hits.Count);
        Assert.Equal("Lärare 01", hits[0]);
        Assert.DoesNotContain("Lärare i annan typ", hits);
        Assert.Empty(await LabelsAsync(client, type, "  "));
        Assert.Single(await LabelsAsync(client, other, "lärare"));
    }

    [Fact]
    public async Task Search_is_for_signed_in_users_only()
    {
        var type = await TypeWithAsync("Kock");

        var response = await _app.Anonymous().GetAsync($"/taxonomy/search?type={type}&q=kock");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("Kock", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_picklist_script_is_served()
    {
        var client = await CoachAsync();

        var script = await client.GetStringAsync("/js/picklist.js");

        Assert.Contains("data-picklist", script);
        Assert.Contains("/taxonomy/search", script);
    }
}

public sealed class SqliteTaxonomySearchTests(SqliteApp app) : TaxonomySearchTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresTaxonomySearchTests(PostgresApp app) : TaxonomySearchTests<PostgresApp>(app);
