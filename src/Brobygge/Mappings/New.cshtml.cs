using Brobygge.Auditing;
using Brobygge.Data;
using Brobygge.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Brobygge.Mappings;

/// <summary>
/// Records a new version of an enrolment's mapping, starting from the latest one. A save never edits an old
/// version: it adds number N+1 after the version N the form was filled from. If someone else added a version in the
/// meantime, nothing is saved; their version is shown and the user's entries stay in the form.
/// </summary>
public sealed class NewModel(BrobyggeDb db, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public MappingInput Input { get; set; } = new();

    /// <summary>The number of the version the form started from; 0 before the first.</summary>
    [BindProperty] public int BasedOn { get; set; }

    public MappedEnrolment? Enrolment { get; private set; }

    /// <summary>Someone else saved a version while the user was filling in the form; this is it (null if it is gone).</summary>
    public bool HasConflict { get; private set; }
    public Mapping? Conflict { get; private set; }

    /// <summary>What that version changed from the one the user started from.</summary>
    public IReadOnlyList<MappingChange> ConflictChanges { get; private set; } = [];

    private DateOnly Today => time.Today();

    public async Task<IActionResult> OnGetAsync(Guid enrolmentId, CancellationToken cancellationToken)
    {
        Enrolment = await MappedEnrolment.FindAsync(db, enrolmentId, cancellationToken);
        if (Enrolment is null)
            return NotFound();
        var latest = await Enrolment.LatestAsync(db, cancellationToken);
        Input = latest is null ? MappingInput.From(Enrolment.Person, Today) : MappingInput.From(latest, Today);
        BasedOn = latest?.Number ?? 0;
        await db.RecordReadAsync(Enrolment.Person, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid enrolmentId, CancellationToken cancellationToken)
    {
        Enrolment = await MappedEnrolment.FindAsync(db, enrolmentId, cancellationToken);
        if (Enrolment is null)
            return NotFound();
        var latest = await Enrolment.LatestAsync(db, cancellationToken);
        if (!MappingOperations.StartsFromLatest(latest, BasedOn))
            return await ShowConflictAsync(latest, cancellationToken);

        var mapping = await Input.ValidateAsync("Input.", AddError, Today, latest, db, cancellationToken);
        if (!ModelState.IsValid || mapping is null)
        {
            Input.WithEmptyRows();
            return Page();
        }

        try
        {
            await MappingOperations.SaveVersionAsync(db, Enrolment, mapping, BasedOn, time.GetUtcNow().UtcDateTime, cancellationToken);
        }
        catch (ConflictException)
        {
            return await ShowConflictAsync(await Enrolment.LatestAsync(db, cancellationToken), cancellationToken);
        }
        TempData["Saved"] = "The mapping was saved.";
        return RedirectToPage("/Mappings/History", new { enrolmentId = Enrolment.Id });
    }

    private async Task<IActionResult> ShowConflictAsync(Mapping? latest, CancellationToken cancellationToken)
    {
        var startedFrom = BasedOn > 0 ? await Enrolment!.VersionAsync(db, BasedOn, cancellationToken) : null;
        HasConflict = true;
        Conflict = latest;
        ConflictChanges = latest is null ? [] : MappingChanges.Between(startedFrom, latest);
        BasedOn = latest?.Number ?? 0;
        ModelState.Clear();
        Input.WithEmptyRows();
        return Page();
    }

    private void AddError(string field, string message, params object[] arguments) => ModelState.AddModelError(field, t[message, arguments]);
}
