using Brobygge.Data;
using Brobygge.Projects;
using Brobygge.Reports.Snapshots;

namespace Brobygge.Reports.Funders;

/// <summary><c>report --project CODE --funder [--as-of DATE] [--format text|json|csv|xlsx] [--output FILE] [--snapshot]</c>
/// (options of <see cref="ReportCommand"/>): the funder report per the project's funder profile, compared with the latest
/// snapshot for the same as-of date; <c>--snapshot</c> keeps this one as sent.</summary>
public static class FunderReportCommand
{
    public static async Task RunAsync(Cli cli, IServiceProvider services, string projectCode, DateOnly asOf, string format, string? file,
        bool snapshot, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<BrobyggeDb>();
        var owner = await ProjectCode.FindAsync(db, projectCode, cancellationToken);
        var report = await FunderReports.ComputeAsync(db, owner, asOf, cancellationToken);
        var figures = report.Flatten();
        var latest = await ReportSnapshots.LatestAsync(db, owner.Id, SnapshotKinds.Funder, asOf, cancellationToken);
        var comparison = latest is null ? null : await ReportSnapshots.CompareAsync(db, latest, figures, cancellationToken);

        if (format == "xlsx")
        {
            await using var stream = File.Create(file!);
            FunderReportFormats.Xlsx(report, comparison, stream);
        }
        else
        {
            var text = format switch
            {
                "json" => FunderReportFormats.Json(report, comparison),
                "csv" => FunderReportFormats.Csv(report, comparison),
                _ => FunderReportFormats.Text(report, comparison),
            };
            if (string.IsNullOrWhiteSpace(file))
                await cli.Output.WriteAsync(text);
            else
                await File.WriteAllTextAsync(file, text, cancellationToken);
        }
        if (snapshot)
        {
            var saved = await ReportSnapshots.SaveAsync(db, owner.OrganisationId, owner.Id, SnapshotKinds.Funder, asOf, report.DefinitionsVersion,
                figures, services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, cancellationToken);
            await (string.IsNullOrWhiteSpace(file) && format != "text" ? cli.Error : cli.Output).WriteLineAsync($"Snapshot {saved.Id} kept: {owner.Code} as of {asOf:yyyy-MM-dd}.");
        }
    }
}
