using Brobygge.Data;
using Brobygge.Identity;
using Brobygge.Projects;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Reports;

/// <summary>
/// Who may see a project's aggregate reports: its project managers and its evaluators (members of the project), and
/// the system (the command line). An evaluator sees no participant (the access filters show them none), so the figures
/// are counted past access, here and nowhere else in the reports, and only ever leave as counts.
/// </summary>
public static class ReportAccess
{
    public static IQueryable<Project> ReportableProjects(this BrobyggeDb db)
    {
        var scope = db.Scope;
        var reports = scope.Roles.Contains(Roles.ProjectManager) || scope.Roles.Contains(Roles.Evaluator);
        return db.Projects.Where(p => scope.IsSystem || (reports && p.Members.Any(m => m.UserId == scope.UserId)));
    }

    /// <summary>The project the user may report on, found by id; <see cref="NotFoundException"/> otherwise.</summary>
    public static async Task<Project> FindReportableAsync(BrobyggeDb db, Guid projectId, CancellationToken cancellationToken)
        => await db.ReportableProjects().AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken)
            ?? throw new NotFoundException("The project");

    /// <summary>The project's records for counting, past the user's access (the tenant filter stays, and so does the
    /// filter that hides corrected and removed records): only for figures of a project that
    /// <see cref="ReportableProjects"/> let the user see, and only for queries that return counts or the evaluator export's pseudonymised, k-anonymous rows.</summary>
    internal static IQueryable<T> ForAggregates<T>(BrobyggeDb db) where T : class, ITenantOwned => db.BeyondAccess<T>();
}
