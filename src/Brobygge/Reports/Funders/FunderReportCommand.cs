using System.CommandLine;
using Brobygge.Data;
using Brobygge.Projects;
using Brobygge.Reports.Snapshots;

namespace Brobygge.Reports.Funders;

/// <summary><c>report --project CODE --funder [--as-of DATE] [--format text|json|csv|xlsx] [--output FILE] [--snapshot]</c>:
/// the funder report per the project's funder profile, compared with the latest snapshot for the same as-of date;
/// <c>--snapshot</c> keeps this one as sent.</summary>
public static class FunderReportCommand
{
    public static Command Create(Cli cli)
    {
        var project = new Option<string>("--project") { Description = "Project code", Required = true };
        var funder = new Option<bool>("--funder") { Description = "The funder report per the project's funder profile (ESF, ESF+, AMIF)" };
        var asOf = new Option<string?>("--as-of") { Description = "Everything dated up to this day (YYYY-MM-DD); default today" };
        var format = new Option<string>("--format") { Description = "text, json, csv or xlsx (xlsx needs --output)", DefaultValueFactory = _ => "text" };
        var output = new Option<FileInfo?>("--output") { Description = "Write to this file instead of standard output" };
        var snapshot = new Option<bool>("--snapshot") { Description = "Keep this report as sent to the funder (a snapshot later runs are compared with)" };
        var command = new Command("report", "A project's report as of a date.") { project, funder, asOf, format, output, snapshot };
        cli.Handle(command, async (services, parse, cancellationToken) =>
        {
            if (!parse.GetValue(funder))
                throw new CommandLineException("--funder: name the report; this version has the funder report (--funder).");
            var chosen = parse.GetValue(format)!.ToLowerInvariant();
            if (!FunderReportFormats.Formats.Contains(chosen))
                throw new CommandLineException($"--format '{parse.GetValue(format)}' is not one of: {string.Join(", ", FunderReportFormats.Formats)}.");
            var file = parse.GetValue(output);
            if (chosen == "xlsx" && file is null)
                throw new CommandLineException("--output: XLSX is written to a file; name it with --output.");
            var time = services.GetRequiredService<TimeProvider>();
            var date = parse.GetValue(asOf) is { } given ? Cli.ParseDate(given, "--as-of") : time.Today();

            var db = services.GetRequiredService<BrobyggeDb>();
            var owner = await ProjectCode.FindAsync(db, parse.GetValue(project)!, cancellationToken);
            var report = await FunderReports.ComputeAsync(db, owner, date, cancellationToken);
            var figures = report.Flatten();
            var latest = await ReportSnapshots.LatestAsync(db, owner.Id, SnapshotKinds.Funder, date, cancellationToken);
            var comparison = latest is null ? null : await ReportSnapshots.CompareAsync(db, latest, figures, cancellationToken);

            if (chosen == "xlsx")
            {
                await using var stream = file!.Create();
                FunderReportFormats.Xlsx(report, comparison, stream);
            }
            else
            {
                var text = chosen switch
                {
                    "json" => FunderReportFormats.Json(report, comparison),
                    "csv" => FunderReportFormats.Csv(report, comparison),
                    _ => FunderReportFormats.Text(report, comparison),
                };
                if (file is null)
                    await cli.Output.WriteAsync(text);
                else
                    await File.WriteAllTextAsync(file.FullName, text, cancellationToken);
            }
            if (parse.GetValue(snapshot))
            {
                var saved = await ReportSnapshots.SaveAsync(db, owner.OrganisationId, owner.Id, SnapshotKinds.Funder, date, report.DefinitionsVersion,
                    figures, time.GetUtcNow().UtcDateTime, cancellationToken);
                await (file is null && chosen != "text" ? cli.Error : cli.Output).WriteLineAsync($"Snapshot {saved.Id} kept: {owner.Code} as of {date:yyyy-MM-dd}.");
            }
        });
        return command;
    }
}
