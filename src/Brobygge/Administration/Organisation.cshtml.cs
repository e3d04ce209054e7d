using Brobygge.Auditing;
using Brobygge.Data;
using Brobygge.Forms;
using Brobygge.Organisations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Administration;

public sealed class OrganisationInput
{
    public string? Name { get; set; }
}

/// <summary>The organisation's own settings: today its name.</summary>
public sealed class OrganisationModel(BrobyggeDb db) : PageModel, IFormPage
{
    [BindProperty] public OrganisationInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
        => Input = new OrganisationInput { Name = (await MineAsync(cancellationToken)).Name };

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
        => this.SaveAsync(async problems =>
        {
            var organisation = await MineAsync(cancellationToken);
            if (string.IsNullOrWhiteSpace(Input.Name))
                problems.Add(nameof(Input.Name), "Enter the organisation's name.");
            problems.CheckLength(nameof(Input.Name), Input.Name, 200);
            if (problems.Any)
                return null;
            organisation.Name = Input.Name!.Trim();
            AdminAudit.Changed(db, AuditAction.Update, nameof(Organisation), organisation.Id);
            await db.SaveChangesAsync(cancellationToken);
            return organisation;
        }, "The organisation's settings were saved.", _ => new RedirectToPageResult("/Index"));

    private async Task<Organisation> MineAsync(CancellationToken cancellationToken)
        => await db.Organisations.SingleOrDefaultAsync(o => o.Id == db.Scope.OrganisationId, cancellationToken) ?? throw new NotFoundException("The organisation");
}
