using Brobygge.Data;
using Brobygge.Forms;
using Brobygge.Identity;
using Brobygge.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Brobygge.Enrolments;

[Authorize(Roles = Roles.ParticipantEditors)]
public sealed class ExitModel(BrobyggeDb db, IStringLocalizer<SharedResource> t, TimeProvider time) : FormPage(t, time)
{
    [BindProperty] public ExitInput Input { get; set; } = new();
    public EnrolmentHeader? Header { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid enrolmentId, CancellationToken cancellationToken)
    {
        Header = await EnrolmentHeader.LoadAsync(db, enrolmentId, cancellationToken);
        if (Header is null)
            return NotFound();
        Input = new ExitInput { ExitedOn = Header.ExitedOn ?? Today, Version = Header.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid enrolmentId, CancellationToken cancellationToken)
    {
        Header = await EnrolmentHeader.LoadAsync(db, enrolmentId, cancellationToken);
        if (Header is null)
            return NotFound();
        return await SaveAsync(problems => EnrolmentOperations.ExitAsync(db, enrolmentId, Input, Today, problems, cancellationToken), Header.PersonId, "The participation was ended and the follow-ups scheduled.");
    }
}
