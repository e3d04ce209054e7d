using Brobygge.Data;
using Brobygge.Enrolments;
using Brobygge.Forms;
using Brobygge.Identity;
using Brobygge.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Brobygge.Activities;

[Authorize(Roles = Roles.ParticipantEditors)]
public sealed class NewModel(BrobyggeDb db, IStringLocalizer<SharedResource> t, TimeProvider time) : FormPage(t, time)
{
    [BindProperty] public ActivityInput Input { get; set; } = new();
    public EnrolmentHeader? Header { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid enrolmentId, ActivityKind? kind, CancellationToken cancellationToken)
    {
        Header = await EnrolmentHeader.LoadAsync(db, enrolmentId, cancellationToken);
        if (Header is null)
            return NotFound();
        Input.Kind = kind;
        Input.OccurredOn = Today;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid enrolmentId, CancellationToken cancellationToken)
    {
        Header = await EnrolmentHeader.LoadAsync(db, enrolmentId, cancellationToken);
        if (Header is null)
            return NotFound();
        return await SaveAsync(problems => ActivityOperations.AddAsync(db, enrolmentId, Input, problems, cancellationToken), Header.PersonId, "The activity was saved.");
    }
}
