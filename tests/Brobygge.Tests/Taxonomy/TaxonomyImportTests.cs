using System.Text;
using Brobygge.Taxonomy;
using Brobygge.Tests.Fixtures;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Tests.Taxonomy;

/// <summary><c>taxonomy import</c> on the real JobTech files of ../shared/data/jobtech-taxonomy and on small made-up files.</summary>
public abstract class TaxonomyImportTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = app.Available();

    private static string TaxonomyFolder => SharedData.PathTo("data", "jobtech-taxonomy");

    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8];

    private static string WriteFile(string name, string content)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("brobygge-taxonomy-").FullName, name);
        File.WriteAllText(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    /// <summary>Records per type in the shared files, counted with CsvHelper directly, not with the code under test.</summary>
    private static Dictionary<string, int> RowsPerTypeInTheFiles()
    {
        var counts = new Dictionary<string, int>();
        foreach (var file in Directory.GetFiles(TaxonomyFolder, "*.csv").Where(f => !Path.GetFileName(f).StartsWith("rel_", StringComparison.Ordinal)))
        {
            using var csv = CsvReader.FromFile(file, new CsvReaderOptions { Separator = ',' });
            csv.ReadHeader();
            var type = csv.GetFieldIndex("type");
            while (csv.Read())
                counts[csv.GetString(type)] = counts.GetValueOrDefault(csv.GetString(type)) + 1;
        }
        return counts;
    }

    private Task<Dictionary<string, int>> ConceptsPerTypeAsync(IEnumerable<string> types)
        => _app.WithDbAsync((db, _) => db.TaxonomyConcepts.Where(c => types.Contains(c.Type))
            .GroupBy(c => c.Type).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));

    private Task<TaxonomyConcept?> ConceptAsync(string id)
        => _app.WithDbAsync((db, _) => db.TaxonomyConcepts.AsNoTracking().SingleOrDefaultAsync(c => c.ConceptId == id));

    [Fact]
    public async Task Importing_the_shared_taxonomy_folder_stores_every_concept_with_the_counts_per_type_of_its_files()
    {
        var expected = RowsPerTypeInTheFiles();

        var (exitCode, output, error) = await _app.RunCommandLineWithOutputAsync("taxonomy", "import", TaxonomyFolder);

        Assert.True(exitCode == 0, error);
        Assert.Equal(34, expected.Count);
        Assert.Equal(14_329, expected.Values.Sum());
        Assert.Contains("Imported 14329 concepts from 34 files.", output);
        Assert.Equal(expected.OrderBy(p => p.Key), (await ConceptsPerTypeAsync(expected.Keys)).OrderBy(p => p.Key));
        Assert.Matches(@"occupation-name: \d+ created, \d+ updated, \d+ unchanged", output);

        var planner = await ConceptAsync("ghs4_JXU_BYt"); // Planeringsarkitekt/Fysisk planerare, SSYK 2163
        Assert.Equal(("occupation-name", "2163"), (planner!.Type, planner.SsykCode));
        var group = await ConceptAsync(planner.BroaderId!);
        Assert.Equal(("ssyk-level-4", "2163"), (group!.Type, group.SsykCode));
        Assert.StartsWith(group.SsykCode![..3], (await ConceptAsync(group.BroaderId!))!.SsykCode);
    }

    [Fact]
    public async Task Importing_a_file_again_updates_its_concepts_in_place_and_creates_no_duplicates()
    {
        var occupations = Path.Combine(TaxonomyFolder, "occupation-name.csv");
        Assert.Equal(0, await _app.RunCommandLineAsync("taxonomy", "import", occupations));

        var (exitCode, output, _) = await _app.RunCommandLineWithOutputAsync("taxonomy", "import", occupations);

        Assert.Equal(0, exitCode);
        Assert.Contains("occupation-name: 0 created, 0 updated, 3431 unchanged", output);
        Assert.Equal(3431, (await ConceptsPerTypeAsync(["occupation-name"]))["occupation-name"]);

        var id = Unique("up_");
        var type = Unique("test-upsert-");
        await _app.RunCommandLineAsync("taxonomy", "import", WriteFile("v1.csv", $"concept_id,preferred_label,type,ssyk_code_2012\n{id},Första namnet,{type},5120\n"));
        var (_, second, _) = await _app.RunCommandLineWithOutputAsync("taxonomy", "import",
            WriteFile("v2.csv", $"concept_id,preferred_label,type\n{id},Andra namnet,{type}\n"));

        Assert.Contains($"{type}: 0 created, 1 updated, 0 unchanged", second);
        var concept = await ConceptAsync(id);
        Assert.Equal("Andra namnet", concept!.Label);
        Assert.Equal("5120", concept.SsykCode); // the second file has no SSYK column, so the code stays
    }

    [Fact]
    public async Task A_file_with_a_bad_row_imports_nothing_and_names_the_file_and_line()
    {
        var good = Unique("ok_");
        var type = Unique("test-bad-");
        var csv = WriteFile("bad-rows.csv",
            "concept_id,preferred_label,type,definition\n" +
            $"{good},Ett bra namn,{type},\"En definition\növer tre\nrader\"\n" +
            $"{Unique("x_")},,{type},\n" +
            $"{good},Ett bra namn,skill,\n");

        var (exitCode, output, error) = await _app.RunCommandLineWithOutputAsync("taxonomy", "import", csv);

        Assert.Equal(1, exitCode);
        Assert.Equal("", output);
        Assert.Contains("nothing was imported: 2 problems", error);
        Assert.Contains("bad-rows.csv line 5: the preferred label is missing.", error);
        Assert.Contains($"bad-rows.csv line 6: concept {good} is a skill here but a {type} on line 2.", error);
        Assert.Null(await ConceptAsync(good));
    }

    [Fact]
    public async Task A_bad_file_in_a_folder_keeps_the_good_files_out_too()
    {
        var folder = Directory.CreateTempSubdirectory("brobygge-taxonomy-").FullName;
        var good = Unique("ok_");
        var type = Unique("test-folder-");
        File.WriteAllText(Path.Combine(folder, "a.csv"), $"concept_id,preferred_label,type\n{good},Bra,{type}\n");
        File.WriteAllText(Path.Combine(folder, "b.csv"), "concept_id,preferred_label\nb1,Ingen typkolumn\n");
        File.WriteAllText(Path.Combine(folder, "rel_a_b.csv"), "not,a,concept,file\n");

        var (exitCode, _, error) = await _app.RunCommandLineWithOutputAsync("taxonomy", "import", folder);

        Assert.Equal(1, exitCode);
        Assert.Contains("b.csv line 1: the header has no column type", error);
        Assert.DoesNotContain("rel_a_b.csv", error);
        Assert.Null(await ConceptAsync(good));
    }

    [Fact]
    public async Task The_json_form_is_imported_as_an_array_or_as_the_taxonomy_apis_answer()
    {
        // Three real occupations, as the JSON form writes them.
        var rows = File.ReadLines(Path.Combine(TaxonomyFolder, "occupation-name.csv")).Skip(1).Where(line => !line.Contains('"', StringComparison.Ordinal)).Take(3).Select(line => line.Split(',')).ToList();
        var array = "[\n" + string.Join(",\n", rows.Select(r =>
            $"  {{\"id\": \"{r[0]}\", \"type\": \"{r[3]}\", \"preferred_label\": \"{r[2]}\", \"ssyk_code_2012\": \"{r[4]}\", \"broader_concept_id\": \"{r[5]}\"}}")) + "\n]\n";
        var type = Unique("test-json-");
        var graphQl = $$$"""
            {"data": {"concepts": [
              {"taxonomy/id": "{{{type}}}-1", "taxonomy/type": "{{{type}}}", "taxonomy/preferred-label": "Från API:t", "broader": [{"id": "{{{rows[0][0]}}}"}]}
            ]}}
            """;

        var first = await _app.RunCommandLineWithOutputAsync("taxonomy", "import", WriteFile("concepts.json", array));
        var second = await _app.RunCommandLineWithOutputAsync("taxonomy", "import", WriteFile("answer.json", graphQl));

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.True(second.ExitCode == 0, second.Error);
        foreach (var row in rows)
        {
            var concept = await ConceptAsync(row[0]);
            Assert.Equal((row[2], "occupation-name", row[4], row[5]), (concept!.Label, concept.Type, concept.SsykCode, concept.BroaderId));
        }
        var fromApi = await ConceptAsync(type + "-1");
        Assert.Equal(("Från API:t", rows[0][0]), (fromApi!.Label, fromApi.BroaderId));
    }

    [Fact]
    public async Task A_bad_concept_in_json_is_named_by_its_line()
    {
        var id = Unique("js_");
        var json = WriteFile("bad.json", $"[\n  {{\"id\": \"{id}\", \"type\": \"skill\", \"preferred_label\": \"Bra\"}},\n  {{\"id\": \"{Unique("js_")}\", \"type\": \"skill\"}}\n]");

        var (exitCode, _, error) = await _app.RunCommandLineWithOutputAsync("taxonomy", "import", json);

        Assert.Equal(1, exitCode);
        Assert.Contains("bad.json line 3: the preferred label is missing.", error);
        Assert.Null(await ConceptAsync(id));
    }

    [Fact]
    public async Task A_dry_run_reports_what_it_would_do_and_writes_nothing()
    {
        var id = Unique("dry_");
        var type = Unique("test-dry-");

        var (exitCode, output, _) = await _app.RunCommandLineWithOutputAsync("taxonomy", "import",
            WriteFile("dry.csv", $"concept_id,preferred_label,type\n{id},Torrsim,{type}\n"), "--dry-run");

        Assert.Equal(0, exitCode);
        Assert.Contains("Dry run: 1 concepts read from 1 file; nothing was written.", output);
        Assert.Contains($"{type}: 1 created, 0 updated, 0 unchanged", output);
        Assert.Null(await ConceptAsync(id));
    }

    [Fact]
    public async Task Problems_are_listed_in_the_order_of_the_lines()
    {
        var csv = WriteFile("order.csv", "concept_id,preferred_label,type\na1,Ett,skill\na2,,skill\na1,Annat,skill\n,Fyra,skill\n");

        var (_, _, error) = await _app.RunCommandLineWithOutputAsync("taxonomy", "import", csv);

        Assert.Matches(@"order\.csv line 3:[^\n]*\n\s*order\.csv line 4:[^\n]*\n\s*order\.csv line 5:", error);
    }

    [Fact]
    public async Task Help_on_taxonomy_import_names_the_path_and_the_dry_run()
    {
        var (exitCode, output, _) = await _app.RunCommandLineWithOutputAsync("taxonomy", "import", "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("PATH", output);
        Assert.Contains("--dry-run", output);
    }

    [Fact]
    public async Task A_path_that_is_not_there_is_named()
    {
        var (exitCode, _, error) = await _app.RunCommandLineWithOutputAsync("taxonomy", "import", "/no/such/taxonomy.csv");

        Assert.Equal(1, exitCode);
        Assert.Contains("/no/such/taxonomy.csv: there is no such file or folder.", error);
    }
}

public sealed class SqliteTaxonomyImportTests(SqliteApp app) : TaxonomyImportTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresTaxonomyImportTests(PostgresApp app) : TaxonomyImportTests<PostgresApp>(app);
