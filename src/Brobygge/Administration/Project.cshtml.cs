using Brobygge.Data;
using Brobygge.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Administration;

/// <summary>Sets up a project, or changes one: name, code, period, funder and its rules, districts and the follow-up
/// windows.</summary>
public sealed class ProjectModel(BrobyggeDb db) : PageModel, IVersionedFormPage
{
    /// <summary>The project changed; none for a new one.</summary>
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public ProjectInput Input { get; set; } = new();
    public bool IsNew => Id is null;

    public Task OnGetAsync(CancellationToken cancellationToken) => ShowSavedAsync(cancellationToken);

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
        => this.SaveAsync(problems => Id is { } id
                ? ProjectSettings.UpdateAsync(db, id, Input, problems, cancellationToken)
                : ProjectSettings.CreateAsync(db, Input, problems, cancellationToken),
            "The project was saved.", _ => new RedirectToPageResult("/Administration/Projects"));

    public async Task ShowSavedAsync(CancellationToken cancellationToken)
    {
        if (Id is not { } id)
            return;
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new NotFoundException("The project");
        Input = ProjectInput.Of(project);
    }
}
