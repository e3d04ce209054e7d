using System.CommandLine;
using Brobygge.Data;
using Brobygge.Projects;

namespace Brobygge.Evaluation;

/// <summary><c>export microdata --project CODE --output FILE [--key KEY] [--as-of DATE]</c>: the evaluator's pseudonymised
/// microdata, CSV (or XLSX with the aggregate tables, by the file's extension). The key may come from the environment
/// variable BROBYGGE_EXPORT_KEY instead, so it stays out of the shell's history.</summary>
public static class ExportCommand
{
    public const string KeyVariable = "BROBYGGE_EXPORT_KEY";

    public static Command Create(Cli cli)
    {
        var project = new Option<string>("--project") { Description = "Project code", Required = true };
        var output = new Option<FileInfo>("--output") { Description = "The file to write: .csv, or .xlsx with the aggregate tables", Required = true };
        var key = new Option<string?>("--key") { Description = $"The export key (at least {MicrodataExport.MinimumKeyLength} characters): the same key gives the same pseudonyms; or set {KeyVariable}" };
        var asOf = new Option<string?>("--as-of") { Description = "Everything dated up to this day (YYYY-MM-DD); default today" };
        var microdata = new Command("microdata", "Pseudonymised microdata for an external evaluator: one row per enrolment, no direct identifier, every combination of quasi-identifiers at least 5 rows.") { project, output, key, asOf };
        cli.Handle(microdata, async (services, parse, cancellationToken) =>
        {
            var exportKey = parse.GetValue(key) ?? Environment.GetEnvironmentVariable(KeyVariable);
            if (MicrodataExport.KeyProblem(exportKey) is { } problem)
                throw new CommandLineException("--key: " + string.Format(System.Globalization.CultureInfo.InvariantCulture, problem, MicrodataExport.MinimumKeyLength));
            var file = parse.GetValue(output)!;
            var time = services.GetRequiredService<TimeProvider>();
            var date = parse.GetValue(asOf) is { } given ? Cli.ParseDate(given, "--as-of") : time.Today();
            var db = services.GetRequiredService<BrobyggeDb>();
            var owner = await ProjectCode.FindAsync(db, parse.GetValue(project)!, cancellationToken);
            var data = await MicrodataExport.BuildAsync(db, owner, exportKey, date, cancellationToken);
            if (file.Extension.Equals(".xlsx", StringComparison.OrdinalIgnoreCase))
            {
                await using var stream = file.Create();
                MicrodataExport.Xlsx(data, stream);
            }
            else
                await File.WriteAllTextAsync(file.FullName, MicrodataExport.Csv(data), new System.Text.UTF8Encoding(true), cancellationToken);
            await cli.Output.WriteLineAsync(data.Rows.Count == 0 && data.Enrolments > 0
                ? $"{owner.Code}: fewer than {Anonymisation.K} enrolments; no row can be exported safely."
                : $"{owner.Code}: {data.Rows.Count} rows written to {file.Name}.");
        });
        return new Command("export", "Export data for others.") { microdata };
    }
}
