using System.Globalization;
using Brobygge.Api;
using Brobygge.Data;
using Brobygge.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Reports;

/// <summary>The goal report in the API, for project managers and evaluators of the project (aggregate figures only).</summary>
public static class ReportsApi
{
    public const string Tag = "Reports";

    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder endpoints)
    {
        var reports = endpoints.MapGroup(ApiSetup.Prefix + "/reports")
            .RequireAuthorization(AccessPolicies.ApiReports)
            .CheckInputRules()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithTags(Tag);
        reports.MapGet("/{projectId:guid}", GetAsync).WithName("GetGoalReport").FindsById()
            .Produces<GoalReport>(StatusCodes.Status200OK, "application/json")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .WithSummary("The goal report as of a day (asOf, default today) or for a range (from and to, yyyy-MM-dd): goals against actual, "
                + "indicators by gender, retention at six months, funnel, time to first job, caseloads and the monthly series. "
                + "format=csv or xlsx gives the same figures as a table.");
        return endpoints;
    }

    private static async Task<Results<Ok<GoalReport>, FileContentHttpResult, ValidationProblem>> GetAsync(Guid projectId, string? asOf, string? from, string? to,
        string? format, BrobyggeDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        var problems = new Problems();
        var period = ReportPeriodInput.Check(Date(asOf, "asOf", problems), Date(from, "from", problems), Date(to, "to", problems), time.Today(), problems);
        var kind = (format ?? "json").ToLowerInvariant();
        if (kind is not ("json" or "csv" or "xlsx"))
            problems.Add("format", "Choose json, csv or xlsx.");
        if (problems.Any || period is null)
            return ApiProblems.Validation(problems);
        var project = await ReportAccess.ReportableProjects(db).AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken)
            ?? throw new NotFoundException("The project");
        var report = await GoalReports.BuildAsync(db, project, period, cancellationToken);
        var name = $"{project.Code}-{ReportFormats.Iso(report.AsOf)}";
        switch (kind)
        {
            case "csv":
                return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(ReportFormats.ToCsv(report)), "text/csv; charset=utf-8", name + ".csv");
            case "xlsx":
                using (var stream = new MemoryStream())
                {
                    await ReportFormats.WriteXlsxAsync(report, stream, cancellationToken);
                    return TypedResults.File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
                }
            default:
                return TypedResults.Ok(report);
        }
    }

    private static DateOnly? Date(string? value, string field, Problems problems)
    {
        if (string.IsNullOrEmpty(value))
            return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        problems.Add(field, "Write the date as YYYY-MM-DD.");
        return null;
    }
}
