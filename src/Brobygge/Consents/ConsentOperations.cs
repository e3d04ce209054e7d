using Brobygge.Data;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Consents;

/// <summary>A consent given or withdrawn, as the form and the API post it.</summary>
public sealed class ConsentInput
{
    public ConsentPurpose? Purpose { get; set; }

    /// <summary>The partner organisation (a partner of one of the participant's projects); only for partner sharing.</summary>
    public Guid? PartnerId { get; set; }
    public ConsentChange? Change { get; set; }
    public DateOnly? On { get; set; }
    public ConsentMethod? How { get; set; }

    /// <summary>Required on paper: the signed form's reference.</summary>
    public string? FormReference { get; set; }

    /// <summary>Required by phone: who else heard it.</summary>
    public string? Witness { get; set; }

    /// <summary>For a consent given: the legal basis; empty takes the purpose's usual one. A withdrawal keeps the
    /// basis of what it withdraws.</summary>
    public LegalBasis? Basis { get; set; }

    /// <summary>The number of the participant's latest consent event the client read (0 before the first).</summary>
    public int? BasedOn { get; set; }
}

/// <summary>Recording consent events, shared by the page and the API.</summary>
public static class ConsentOperations
{
    /// <summary>The participant's events, every purpose, in the order recorded. "Not found" for a person the user
    /// cannot see.</summary>
    public static async Task<IReadOnlyList<Consent>> OfAsync(BrobyggeDb db, Guid personId, CancellationToken cancellationToken)
    {
        if (!await db.Persons.AnyAsync(p => p.Id == personId, cancellationToken))
            throw new NotFoundException("The participant");
        return await db.Consents.AsNoTracking().Where(c => c.PersonId == personId && c.HistoryOf == null && c.RemovedAt == null)
            .OrderBy(c => c.Number).ToListAsync(cancellationToken);
    }

    /// <summary>The partner organisations of the projects the participant is enrolled in (that the user sees).</summary>
    public static async Task<IReadOnlyList<(Guid Id, string Name)>> PartnersOfAsync(BrobyggeDb db, Guid personId, CancellationToken cancellationToken)
        => (await db.ProjectPartners.AsNoTracking()
                .Where(pp => db.Enrolments.Any(e => e.PersonId == personId && e.ProjectId == pp.ProjectId))
                .OrderBy(pp => pp.Name).Select(pp => new { pp.Id, pp.Name }).ToListAsync(cancellationToken))
            .Select(pp => (pp.Id, pp.Name)).ToList();

    /// <summary>
    /// Records a consent given or withdrawn. Every problem is named at once and nothing is written; a withdrawal needs
    /// something in force on its date to withdraw. If someone recorded another event after <see cref="ConsentInput.BasedOn"/>
    /// (checked here, and by the unique index for two saves at once), <see cref="ConflictException"/>.
    /// </summary>
    public static async Task<Consent?> RecordAsync(BrobyggeDb db, Guid personId, ConsentInput input, DateOnly today, DateTime now,
        Problems problems, CancellationToken cancellationToken)
    {
        var events = await OfAsync(db, personId, cancellationToken);
        var organisationId = await db.Persons.Where(p => p.Id == personId).Select(p => p.OrganisationId).SingleAsync(cancellationToken);

        if (input.Purpose is not { } purpose)
            problems.Add(nameof(input.Purpose), "Choose the purpose.");
        else if (purpose == ConsentPurpose.PartnerSharing)
        {
            if (input.PartnerId is null)
                problems.Add(nameof(input.PartnerId), "Choose the partner organisation.");
            else if (!(await PartnersOfAsync(db, personId, cancellationToken)).Any(p => p.Id == input.PartnerId))
                problems.Add(nameof(input.PartnerId), "Choose a partner organisation of the participant's project.");
        }
        else if (input.PartnerId is not null)
            problems.Add(nameof(input.PartnerId), "Only sharing with a partner organisation names a partner.");

        if (input.Change is null)
            problems.Add(nameof(input.Change), "Choose given or withdrawn.");
        if (input.On is not { } on)
            problems.Add(nameof(input.On), "Enter the date.");
        else if (on > today)
            problems.Add(nameof(input.On), "The date cannot be in the future.");

        var formReference = FreeText.Stored(input.FormReference);
        var witness = FreeText.Stored(input.Witness);
        if (input.How is null)
            problems.Add(nameof(input.How), "Choose how it was given or withdrawn.");
        else if (input.How == ConsentMethod.Paper && formReference is null)
            problems.Add(nameof(input.FormReference), "Enter the paper form's reference.");
        else if (input.How == ConsentMethod.Phone && witness is null)
            problems.Add(nameof(input.Witness), "Enter who witnessed the call.");
        if (formReference is { Length: > 100 })
            problems.Add(nameof(input.FormReference), "The form reference can be at most 100 characters.");
        if (witness is { Length: > 200 })
            problems.Add(nameof(input.Witness), "The witness can be at most 200 characters.");

        LegalBasis basis = default;
        if (input.Purpose is { } p && input.Change is { } change && input.On is { } date)
        {
            if (change == ConsentChange.Given)
            {
                basis = input.Basis ?? ConsentRules.BasesFor(p)[0];
                if (!ConsentRules.BasesFor(p).Contains(basis))
                    problems.Add(nameof(input.Basis), "This purpose rests on consent only.");
            }
            else if (ConsentRules.Latest(events, p, input.PartnerId, date) is { Change: ConsentChange.Given } given)
                basis = given.Basis;
            else
                problems.Add(nameof(input.Change), "Nothing to withdraw: it was not given for this purpose on that date.");
        }
        if (input.BasedOn is not { } basedOn || basedOn < 0)
            problems.Add(nameof(input.BasedOn), "Send the number of the latest consent event you read (0 before the first).");
        if (problems.Any)
            return null;

        var latest = events.Count == 0 ? 0 : events.Max(c => c.Number);
        if (latest != input.BasedOn)
            throw new ConflictException("The participant's consents");
        var consent = new Consent
        {
            OrganisationId = organisationId, PersonId = personId, Purpose = input.Purpose!.Value, PartnerId = input.PartnerId,
            Number = latest + 1, Change = input.Change!.Value, On = input.On!.Value, How = input.How!.Value,
            FormReference = input.How == ConsentMethod.Paper ? formReference : null,
            Witness = input.How == ConsentMethod.Phone ? witness : null,
            ReceivedById = db.Scope.IsSystem ? null : db.Scope.UserId, Basis = basis,
            RecordedAt = now, RecordedById = db.Scope.IsSystem ? null : db.Scope.UserId, Origin = RecordOrigin.Staff,
        };
        db.Consents.Add(consent);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return consent;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation<Consent>(db, c => new { c.PersonId, c.Number }))
        {
            db.ChangeTracker.Clear();
            throw new ConflictException("The participant's consents");
        }
    }
}
