using Brobygge.Administration;
using Brobygge.Data;
using Brobygge.Forms;
using Brobygge.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Brobygge.Projects;

/// <summary>A project manager's page of one of their projects: its staff, each with their role and caseload, and its
/// partner organisations; adding and removing both.</summary>
public sealed class TeamModel(BrobyggeDb db, IStringLocalizer<SharedResource> t) : PageModel, IFormPage
{
    [BindProperty(SupportsGet = true)] public Guid ProjectId { get; set; }
    [BindProperty] public MemberInput Member { get; set; } = new();
    [BindProperty] public PartnerInput Partner { get; set; } = new();

    /// <summary>The staff member or partner a removal names.</summary>
    [BindProperty] public Guid? RemoveId { get; set; }

    public Project Project { get; private set; } = null!;
    public IReadOnlyList<StaffRow> Staff { get; private set; } = [];
    public IReadOnlyList<ProjectPartner> Partners { get; private set; } = [];
    public IReadOnlyList<(string, string)> Candidates { get; private set; } = [];

    public sealed record StaffRow(Guid MemberId, string Name, string Roles, int Caseload);

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddMemberAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return await this.SaveAsync(problems => ProjectTeam.AddMemberAsync(db, ProjectId, Member, problems, cancellationToken),
            "The staff member was added to the project.", ToThisPage, prefix: "Member.");
    }

    public async Task<IActionResult> OnPostRemoveMemberAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return await this.SaveAsync(problems => ProjectTeam.RemoveMemberAsync(db, ProjectId, RemoveId ?? Guid.Empty, problems, cancellationToken),
            "The staff member was taken out of the project.", ToThisPage, prefix: "");
    }

    public async Task<IActionResult> OnPostAddPartnerAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return await this.SaveAsync(problems => ProjectTeam.AddPartnerAsync(db, ProjectId, Partner, problems, cancellationToken),
            "The partner organisation was added.", ToThisPage, prefix: "Partner.");
    }

    public async Task<IActionResult> OnPostRemovePartnerAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return await this.SaveAsync(problems => ProjectTeam.RemovePartnerAsync(db, ProjectId, RemoveId ?? Guid.Empty, problems, cancellationToken),
            "The partner organisation was taken out of the project.", ToThisPage, prefix: "");
    }

    private RedirectToPageResult ToThisPage(object _) => new("/Projects/Team", new { projectId = ProjectId });

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Project = await ProjectTeam.MineAsync(db, ProjectId, cancellationToken);
        var members = await (from member in db.ProjectMembers.AsNoTracking()
                             where member.ProjectId == ProjectId
                             join user in UserAdministration.OfMyOrganisation(db) on member.UserId equals user.Id
                             select new
                             {
                                 member.Id, user.DisplayName, UserId = user.Id,
                                 Roles = db.UserRoles.Where(ur => ur.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToList(),
                                 Caseload = db.Assignments.Count(a => a.StaffId == user.Id && a.EndedOn == null && a.Enrolment!.ProjectId == ProjectId && a.Enrolment.ExitedOn == null),
                             }).ToListAsync(cancellationToken);
        Staff = members.OrderBy(m => m.DisplayName, StringComparer.CurrentCulture)
            .Select(m => new StaffRow(m.Id, m.DisplayName, string.Join(", ", m.Roles.Select(r => AdminLinks.RoleName(t, r!))), m.Caseload)).ToList();
        Partners = await db.ProjectPartners.AsNoTracking().Where(p => p.ProjectId == ProjectId).OrderBy(p => p.Name).ToListAsync(cancellationToken);
        Candidates = (await ProjectTeam.Candidates(db, ProjectId).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken))
            .OrderBy(u => u.DisplayName, StringComparer.CurrentCulture).Select(u => (u.Id.ToString(), u.DisplayName)).ToList();
    }
}
