using Brobygge.Data;
using Brobygge.Projects;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Administration;

/// <summary>The organisation's projects, each leading to its settings.</summary>
public sealed class ProjectsModel(BrobyggeDb db) : PageModel
{
    public IReadOnlyList<Project> Projects { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
        => Projects = await db.Projects.AsNoTracking().OrderByDescending(p => p.StartsOn).ThenBy(p => p.Name).ToListAsync(cancellationToken);
}
