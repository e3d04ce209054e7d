using Brobygge.Taxonomy;
using Brobygge.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Tests.Taxonomy;

/// <summary>The small taxonomy embedded in the program, so a fresh install has pick-lists offline.</summary>
public abstract class BuiltInTaxonomyTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = app.Available();

    private Task<Dictionary<string, int>> ConceptsPerTypeAsync()
        => _app.WithDbAsync((db, _) => db.TaxonomyConcepts.GroupBy(c => c.Type).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));

    private Task EmptyTheTaxonomyAsync() => _app.WithDbAsync(db => db.TaxonomyConcepts.ExecuteDeleteAsync());

    [Fact]
    public async Task The_built_in_set_loads_on_an_empty_database_and_not_over_a_taxonomy_already_there()
    {
        await EmptyTheTaxonomyAsync();

        var loaded = await BuiltInTaxonomy.EnsureLoadedAsync(_app.Services);
        var again = await BuiltInTaxonomy.EnsureLoadedAsync(_app.Services);

        var counts = await ConceptsPerTypeAsync();
        Assert.Equal(counts.Values.Sum(), loaded);
        Assert.Equal(0, again);
        Assert.Equal(435, counts["language"]);
        Assert.Equal(150, counts["skill"]);
        Assert.InRange(counts["occupation-name"], 140, 170);
        Assert.InRange(counts["ssyk-level-4"], 50, 150);
    }

    [Fact]
    public async Task Migrate_loads_the_built_in_set_into_an_empty_taxonomy()
    {
        await EmptyTheTaxonomyAsync();

        var (exitCode, output, error) = await _app.RunCommandLineWithOutputAsync("migrate");

        Assert.True(exitCode == 0, error);
        Assert.Contains("Loaded the built-in taxonomy", output);
        Assert.True((await ConceptsPerTypeAsync()).GetValueOrDefault("occupation-name") > 0);
    }
}

public sealed class SqliteBuiltInTaxonomyTests(SqliteApp app) : BuiltInTaxonomyTests<SqliteApp>(app)
{
    [Fact]
    public async Task A_fresh_embedded_database_starts_with_the_built_in_set()
    {
        await using var fresh = new SqliteApp();
        await fresh.InitializeAsync();

        var occupations = await fresh.WithDbAsync((db, _) => db.TaxonomyConcepts.CountAsync(c => c.Type == "occupation-name"));

        Assert.InRange(occupations, 140, 170);
    }
}

[Trait("Category", "Postgres")]
public sealed class PostgresBuiltInTaxonomyTests(PostgresApp app) : BuiltInTaxonomyTests<PostgresApp>(app);

/// <summary>The embedded file itself, against the shared taxonomy it was made from.</summary>
public sealed class BuiltInTaxonomyFileTests
{
    [Fact]
    public void The_built_in_file_is_small_and_every_concept_in_it_is_in_the_jobtech_files_as_it_is_there()
    {
        using var stream = typeof(BuiltInTaxonomy).Assembly.GetManifestResourceStream(BuiltInTaxonomy.ResourceName)!;
        Assert.InRange(stream.Length, 10_000, 100_000);
        var builtIn = BuiltInTaxonomy.Read().Rows;
        var shared = TaxonomyFiles.ReadPath(SharedData.PathTo("data", "jobtech-taxonomy"));
        Assert.Empty(shared.Problems);
        var byId = shared.Rows.ToDictionary(r => r.ConceptId);

        Assert.All(builtIn, row =>
        {
            Assert.True(byId.TryGetValue(row.ConceptId, out var original), row.ConceptId);
            Assert.Equal((original.Type, original.Label), (row.Type, row.Label));
            if (row.Type is "occupation-name" or "ssyk-level-4")
                Assert.Equal((original.SsykCode, original.BroaderId), (row.SsykCode, row.BroaderId));
        });
        // Every occupation's SSYK-4 group is in the set, so matching by group works offline.
        var ids = builtIn.Select(r => r.ConceptId).ToHashSet();
        Assert.All(builtIn.Where(r => r.Type == "occupation-name"), row => Assert.Contains(row.BroaderId!, ids));
    }
}
