using Brobygge.Data;
using Brobygge.Identity;
using Brobygge.Projects;

namespace Brobygge.Reports;

/// <summary>Whose reports a reader may see: the projects they are a member of as project manager or evaluator (the
/// command line: every project). The figures themselves are counted past the reader's access to participants
/// (<see cref="GoalFigures"/>), so this is the check that decides.</summary>
public static class ReportAccess
{
    public static readonly string[] Roles = [Identity.Roles.ProjectManager, Identity.Roles.Evaluator];

    public static IQueryable<Project> ReportableProjects(BrobyggeDb db)
    {
        var scope = db.Scope;
        if (scope.IsSystem)
            return db.Projects;
        if (!Roles.Any(scope.Roles.Contains))
            return db.Projects.Where(p => false);
        var user = scope.UserId;
        return db.Projects.Where(p => db.ProjectMembers.Any(m => m.ProjectId == p.Id && m.UserId == user));
    }

    /// <summary>The project's records for counting, past the user's access (the tenant filter stays, and so does the
    /// filter that hides corrected and removed records): only for figures of a project that
    /// <see cref="ReportableProjects"/> let the user see, and only for queries that return counts (the funder report) or
    /// the evaluator export's pseudonymised, k-anonymous rows.</summary>
    internal static IQueryable<T> ForAggregates<T>(BrobyggeDb db) where T : class, ITenantOwned => db.BeyondAccess<T>();
}

/// <summary>The report's period from a form or a query string: as of a day (default today), or a range with both ends.
/// Problems are keyed by the field names given.</summary>
public static class ReportPeriodInput
{
    public static ReportPeriod? Check(DateOnly? asOf, DateOnly? from, DateOnly? to, DateOnly today, Problems problems,
        string asOfField = "asOf", string fromField = "from", string toField = "to")
    {
        if (asOf is not null && (from is not null || to is not null))
            problems.Add(asOfField, "Give either a date or a range, not both.");
        else if (from is not null && to is null)
            problems.Add(toField, "Give the last day of the range.");
        else if (from is null && to is not null)
            problems.Add(fromField, "Give the first day of the range.");
        else if (from > to)
            problems.Add(fromField, "The range starts after it ends.");
        else
            return from is { } start ? ReportPeriod.Between(start, to!.Value) : ReportPeriod.AsOf(asOf ?? today);
        return null;
    }
}
