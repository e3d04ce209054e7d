using Brobygge.Data;
using Brobygge.Identity;
using Brobygge.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Evaluation;

/// <summary>The evaluator's part of the start page: their projects' aggregate reports and the microdata export, and
/// nothing else (an evaluator sees no participant). Renders nothing for other roles.</summary>
public sealed class EvaluatorHomeViewComponent(BrobyggeDb db) : ViewComponent
{
    public sealed record ProjectLink(Guid Id, string Name, Projects.FunderProfileKind Profile);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!UserClaimsPrincipal.IsInRole(Roles.Evaluator))
            return Content("");
        var projects = await ReportAccess.ReportableProjects(db).AsNoTracking().OrderBy(p => p.Name)
            .Select(p => new ProjectLink(p.Id, p.Name, p.FunderProfile)).ToListAsync(HttpContext.RequestAborted);
        return View("~/Evaluation/_EvaluatorHome.cshtml", projects);
    }
}
