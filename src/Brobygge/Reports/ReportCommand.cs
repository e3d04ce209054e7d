using System.CommandLine;
using Brobygge.Data;
using Brobygge.Projects;

namespace Brobygge.Reports;

/// <summary><c>report --project CODE [--as-of DATE] [--from DATE --to DATE] --format text|json|csv|xlsx [--output FILE]</c>.</summary>
public static class ReportCommand
{
    private static readonly string[] Formats = ["text", "json", "csv", "xlsx"];

    public static Command Create(Cli cli)
    {
        var project = new Option<string>("--project") { Description = "Project code", Required = true };
        var asOf = new Option<string?>("--as-of") { Description = "Count everything dated up to this day (YYYY-MM-DD); default today" };
        var from = new Option<string?>("--from") { Description = "First day of a range (YYYY-MM-DD), with --to" };
        var to = new Option<string?>("--to") { Description = "Last day of a range (YYYY-MM-DD), with --from" };
        var format = new Option<string>("--format") { Description = "text, json, csv or xlsx", DefaultValueFactory = _ => "text" };
        var output = new Option<string?>("--output") { Description = "Write to this file instead of standard output (required for xlsx)" };
        var funder = new Option<bool>("--funder") { Description = "The funder report per the project's funder profile (ESF, ESF+, AMIF) instead of the goal report; as of a date" };
        var snapshot = new Option<bool>("--snapshot") { Description = "With --funder: keep this report as sent to the funder (later runs are compared with it)" };
        var command = new Command("report", "The goal report of a project as of a date or for a date range, or its funder report (--funder).") { project, asOf, from, to, format, output, funder, snapshot };
        cli.Handle(command, async (services, parse, cancellationToken) =>
        {
            var kind = parse.GetValue(format)!.Trim().ToLowerInvariant();
            if (!Formats.Contains(kind))
                throw new CommandLineException($"--format '{parse.GetValue(format)}' is not one of: {string.Join(", ", Formats)}.");
            var file = parse.GetValue(output);
            if (kind == "xlsx" && string.IsNullOrWhiteSpace(file))
                throw new CommandLineException("--output is required with --format xlsx (a spreadsheet is not written to the terminal).");
            if (parse.GetValue(snapshot) && !parse.GetValue(funder))
                throw new CommandLineException("--snapshot keeps a funder report: add --funder.");
            var period = Period(parse.GetValue(asOf), parse.GetValue(from), parse.GetValue(to), services.GetRequiredService<TimeProvider>().Today());
            if (parse.GetValue(funder))
            {
                if (parse.GetValue(from) is not null)
                    throw new CommandLineException("--from/--to: the funder report is as of a date; give --as-of.");
                await Funders.FunderReportCommand.RunAsync(cli, services, parse.GetValue(project)!, period.To, kind, file, parse.GetValue(snapshot), cancellationToken);
                return;
            }
            var db = services.GetRequiredService<BrobyggeDb>();
            var owner = await ProjectCode.FindAsync(db, parse.GetValue(project)!, cancellationToken);
            var report = await GoalReports.BuildAsync(db, owner, period, cancellationToken);
            if (kind == "xlsx")
            {
                await using var stream = File.Create(file!);
                await ReportFormats.WriteXlsxAsync(report, stream, cancellationToken);
                return;
            }
            var text = kind switch
            {
                "json" => ReportFormats.ToJson(report) + Environment.NewLine,
                "csv" => ReportFormats.ToCsv(report),
                _ => ReportFormats.ToText(report),
            };
            if (string.IsNullOrWhiteSpace(file))
                await cli.Output.WriteAsync(text);
            else
                await File.WriteAllTextAsync(file, text, cancellationToken);
        });
        return command;
    }

    /// <summary>As of a date, or a range with both ends; never both, never half a range.</summary>
    public static ReportPeriod Period(string? asOf, string? from, string? to, DateOnly today)
    {
        if (asOf is not null && (from is not null || to is not null))
            throw new CommandLineException("--as-of cannot be combined with --from/--to; give either a date or a range.");
        if ((from is null) != (to is null))
            throw new CommandLineException(from is null ? "--from is required with --to." : "--to is required with --from.");
        if (from is not null)
        {
            var start = Cli.ParseDate(from, "--from");
            var end = Cli.ParseDate(to!, "--to");
            return start > end ? throw new CommandLineException($"--from {from} is after --to {to}.") : ReportPeriod.Between(start, end);
        }
        return ReportPeriod.AsOf(asOf is null ? today : Cli.ParseDate(asOf, "--as-of"));
    }
}
