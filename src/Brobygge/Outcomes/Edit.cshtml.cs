using Brobygge.Data;
using Brobygge.Enrolments;
using Brobygge.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Brobygge.Outcomes;

/// <summary>Corrects a job or studies, or removes it with a reason; the earlier versions are listed below the form.</summary>
public sealed class EditModel(BrobyggeDb db, TimeProvider time) : PageModel, IVersionedFormPage
{
    [BindProperty(SupportsGet = true)] public Guid OutcomeId { get; set; }
    [BindProperty] public OutcomeInput Input { get; set; } = new();
    [BindProperty] public RemovalInput Removal { get; set; } = new();
    public EnrolmentHeader Header { get; private set; } = null!;

    /// <summary>The content this outcome had before each correction, the latest first.</summary>
    public IReadOnlyList<Outcome> Earlier { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => ShowSavedAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return await this.SaveAsync(problems => OutcomeOperations.CorrectAsync(db, OutcomeId, Input, time.Today(), problems, cancellationToken),
            "The result was corrected.", _ => Form.ToParticipant(Header.PersonId));
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return await this.SaveAsync(problems => OutcomeOperations.RemoveAsync(db, OutcomeId, Removal, problems, cancellationToken),
            "The result was removed.", _ => Form.ToParticipant(Header.PersonId), prefix: "Removal.");
    }

    /// <summary>The result as saved now, in the correction form and as the version to remove it by.</summary>
    public async Task ShowSavedAsync(CancellationToken cancellationToken)
    {
        var outcome = await LoadAsync(cancellationToken);
        Input = new OutcomeInput
        {
            Kind = outcome.Kind, StartedOn = outcome.StartedOn, EndedOn = outcome.EndedOn, EmployerName = outcome.EmployerName,
            EmploymentType = outcome.EmploymentType, HoursPerWeek = outcome.HoursPerWeek, StudiesType = outcome.StudiesType, Version = outcome.Version,
        };
        Removal = new RemovalInput { Reason = Removal.Reason, Version = outcome.Version };
    }

    private async Task<Outcome> LoadAsync(CancellationToken cancellationToken)
    {
        var versions = await OutcomeOperations.HistoryAsync(db, OutcomeId, cancellationToken);
        if (versions is null || versions[0].RemovedAt is not null)
            throw new NotFoundException("The result");
        Header = await EnrolmentHeader.FindAsync(db, versions[0].EnrolmentId, cancellationToken);
        Earlier = versions.Skip(1).ToList();
        return versions[0];
    }
}
