using System.CommandLine;
using Brobygge.Data;

namespace Brobygge.Taxonomy;

/// <summary><c>taxonomy import PATH [--dry-run]</c>: loads JobTech taxonomy concepts from a file or folder.</summary>
public static class TaxonomyCommand
{
    /// <summary>Problems listed on the command line before "and N more".</summary>
    private const int ProblemsShown = 50;

    public static Command Create(Cli cli)
    {
        var path = new Argument<string>("PATH")
        {
            Description = "A taxonomy CSV file (concept_id, preferred_label, type, …), a folder of them (rel_* files are skipped), or a JSON file of concepts",
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the files and print what would change, without writing" };
        var import = new Command("import", "Create or update taxonomy concepts by concept id. A file with any bad row imports nothing.") { path, dryRun };
        cli.Handle(import, async (services, parse, cancellationToken) =>
        {
            var read = TaxonomyFiles.ReadPath(parse.GetValue(path)!);
            if (read.Problems.Count > 0)
            {
                var shown = read.Problems.Take(ProblemsShown).Select(p => "  " + p);
                var more = read.Problems.Count > ProblemsShown ? [$"  … and {read.Problems.Count - ProblemsShown} more."] : Array.Empty<string>();
                throw new CommandLineException(string.Join(Environment.NewLine,
                    [$"nothing was imported: {read.Problems.Count} problem{(read.Problems.Count == 1 ? "" : "s")}.", .. shown, .. more]));
            }
            var isDryRun = parse.GetValue(dryRun);
            var counts = await TaxonomyImport.ImportAsync(services.GetRequiredService<BrobyggeDb>(), read.Rows, isDryRun, cancellationToken);
            await cli.Output.WriteLineAsync(isDryRun
                ? $"Dry run: {read.Rows.Count} concepts read from {Files(read.Files)}; nothing was written."
                : $"Imported {read.Rows.Count} concepts from {Files(read.Files)}.");
            foreach (var count in counts)
                await cli.Output.WriteLineAsync($"  {count.Type}: {count.Created} created, {count.Updated} updated, {count.Unchanged} unchanged");
        });
        return new Command("taxonomy", "Manage the JobTech taxonomy (occupations, skills, languages, SSYK groups, …).") { import };
    }

    private static string Files(int count) => count == 1 ? "1 file" : $"{count} files";
}
