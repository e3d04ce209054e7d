using Brobygge.Data;
using Brobygge.Forms;
using Brobygge.Projects;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Reports;

/// <summary>A project manager sets, changes and removes the project's goals, for everyone or per gender, on every
/// indicator the goal report computes.</summary>
public sealed class GoalsModel(BrobyggeDb db) : PageModel, IFormPage
{
    [BindProperty(SupportsGet = true)]
    public Guid? ProjectId { get; set; }

    [BindProperty]
    public GoalInput Input { get; set; } = new();

    public List<(string Value, string Label)> Projects { get; private set; } = [];
    public Project? Project { get; private set; }
    public List<Goal> Goals { get; private set; } = [];

    /// <summary>The indicators in the report's order.</summary>
    public static IEnumerable<GoalIndicator> Indicators => GoalIndicators.ByName.Values;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Project is null)
            throw new NotFoundException("The project");
        return await this.SaveAsync(problems => GoalOperations.SetAsync(db, Project.Id, Input, problems, cancellationToken),
            "The goal was saved.", _ => new RedirectToPageResult("/Reports/Goals", new { ProjectId }));
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid goalId, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Project is null)
            throw new NotFoundException("The project");
        await GoalOperations.RemoveAsync(db, Project.Id, goalId, cancellationToken);
        return this.Saved("The goal was removed.", new RedirectToPageResult("/Reports/Goals", new { ProjectId }));
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var projects = await GoalOperations.ManagedProjects(db).AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken);
        Projects = projects.Select(p => (p.Id.ToString(), p.Name)).ToList();
        Project = ProjectId is { } id ? projects.FirstOrDefault(p => p.Id == id) : projects.FirstOrDefault();
        if (ProjectId is not null && Project is null)
            throw new NotFoundException("The project");
        ProjectId = Project?.Id;
        if (Project is not null)
            Goals = (await db.Goals.AsNoTracking().Where(g => g.ProjectId == Project.Id).ToListAsync(cancellationToken))
                .OrderBy(g => GoalReports.Order(g.Indicator)).ThenBy(g => g.Gender is null ? -1 : (int)g.Gender.Value).ToList();
    }
}
