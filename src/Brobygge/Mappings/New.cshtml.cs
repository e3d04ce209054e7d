using Brobygge.Auditing;
using Brobygge.Data;
using Brobygge.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Brobygge.Mappings;

/// <summary>
/// Records a new version of an enrolment's mapping, starting from the latest one. A save never edits an old
/// version: it adds number N+1 after the version N the form was filled from. If someone else added a version in the
/// meantime, nothing is saved; their version is shown and the user's entries stay in the form.
/// </summary>
public sealed class NewModel(BrobyggeDb db, TimeProvider time) : PageModel, IVersionedFormPage
{
    [BindProperty(SupportsGet = true)] public Guid EnrolmentId { get; set; }
    [BindProperty] public MappingInput Input { get; set; } = new();

    /// <summary>The number of the version the form started from; 0 before the first.</summary>
    [BindProperty] public int BasedOn { get; set; }

    public MappedEnrolment Enrolment { get; private set; } = null!;

    /// <summary>After a conflict, the version someone else saved while the user was filling in the form (null if it is gone).</summary>
    public Mapping? Conflict { get; private set; }

    /// <summary>What that version changed from the one the user started from.</summary>
    public IReadOnlyList<MappingChange> ConflictChanges { get; private set; } = [];

    private DateOnly Today => time.Today();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Enrolment = await FindAsync(cancellationToken);
        var latest = await Enrolment.LatestAsync(db, cancellationToken);
        Input = latest is null ? MappingInput.From(Enrolment.Person, Today) : MappingInput.From(latest, Today);
        BasedOn = latest?.Number ?? 0;
        await db.RecordReadAsync(Enrolment.Person, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Enrolment = await FindAsync(cancellationToken);
        var latest = await Enrolment.LatestAsync(db, cancellationToken);
        if (!MappingOperations.StartsFromLatest(latest, BasedOn))
            throw new ConflictException("The mapping");

        var mapping = await Input.ValidateAsync("Input.", (field, message, arguments) => this.Problem(field, message, arguments), Today, latest, db, cancellationToken);
        if (!ModelState.IsValid || mapping is null)
        {
            Input.WithEmptyRows();
            return Page();
        }
        await MappingOperations.SaveVersionAsync(db, Enrolment, mapping, BasedOn, time.GetUtcNow().UtcDateTime, cancellationToken);
        return this.Saved("The mapping was saved.", new RedirectToPageResult("/Mappings/History", new { enrolmentId = Enrolment.Id }));
    }

    /// <summary>After a conflict. A mapping is long and its rows differ from version to version, so the other version is
    /// shown whole above the form, with what it changed, rather than field by field; the user's entries stay in the
    /// form, which now starts from that version.</summary>
    public async Task ShowSavedAsync(CancellationToken cancellationToken)
    {
        Enrolment = await FindAsync(cancellationToken);
        var latest = await Enrolment.LatestAsync(db, cancellationToken);
        var startedFrom = BasedOn > 0 ? await Enrolment.VersionAsync(db, BasedOn, cancellationToken) : null;
        Conflict = latest;
        ConflictChanges = latest is null ? [] : MappingChanges.Between(startedFrom, latest);
        BasedOn = latest?.Number ?? 0;
        Input.WithEmptyRows();
    }

    private async Task<MappedEnrolment> FindAsync(CancellationToken cancellationToken)
        => await MappedEnrolment.FindAsync(db, EnrolmentId, cancellationToken) ?? throw new NotFoundException("The enrolment");
}
