namespace Brobygge.Consents;

/// <summary>
/// Whether a purpose is in force for a person on a date, from the dated events alone (PRODUCT.md, "Core concepts":
/// withdrawal takes effect at once). The later issues read this one rule: presenting candidates to employers asks
/// <see cref="ConsentPurpose.EmployerPresentation"/>, partner liaisons <see cref="ConsentPurpose.PartnerSharing"/> with
/// their partner.
/// <para>
/// What withdrawing means depends on the legal basis the purpose rests on (GDPR, Regulation (EU) 2016/679):
/// </para>
/// <list type="bullet">
/// <item><b>Consent</b> (Art. 6(1)(a)): withdrawal ends the processing for that purpose on its date (Art. 7(3)); it is
/// not in force from that day on, and a new "given" is needed to resume.</item>
/// <item><b>Legitimate interest</b> (Art. 6(1)(f)): the withdrawal is an objection (Art. 21(1)); the controller must stop
/// unless it demonstrates compelling legitimate grounds, and Brobygge records no such grounds, so it ends the purpose
/// as a withdrawn consent does.</item>
/// <item><b>Public task</b> (Art. 6(1)(e)) and <b>legal obligation</b> (Art. 6(1)(c)): the processing does not rest on the
/// participant's say. A "withdrawal" is recorded as an objection (Art. 21(1) for a public task; a legal obligation has
/// no right to object) and shown on the participant's page for the controller to weigh, but the purpose stays in force
/// for its basis: a municipality's registration of a participant and the funder's required follow-up go on.</item>
/// </list>
/// Within one day the later recorded event decides (given in the morning, withdrawn in the afternoon: withdrawn).
/// </summary>
public static class ConsentRules
{
    /// <summary>The bases a purpose may rest on, the usual one first (the form's default). Sharing with a partner,
    /// presenting to employers and texting the participant rest on consent only: nothing in a project's task requires
    /// them.</summary>
    public static IReadOnlyList<LegalBasis> BasesFor(ConsentPurpose purpose) => purpose switch
    {
        ConsentPurpose.Registration => [LegalBasis.PublicTask, LegalBasis.Consent, LegalBasis.LegalObligation, LegalBasis.LegitimateInterest],
        ConsentPurpose.FollowUpContact => [LegalBasis.PublicTask, LegalBasis.Consent, LegalBasis.LegalObligation, LegalBasis.LegitimateInterest],
        _ => [LegalBasis.Consent],
    };

    /// <summary>Whether a withdrawal ends the processing (consent, legitimate interest) or is an objection recorded
    /// while the basis carries on (public task, legal obligation).</summary>
    public static bool WithdrawalEnds(LegalBasis basis) => basis is LegalBasis.Consent or LegalBasis.LegitimateInterest;

    /// <summary>The ids of the persons for whom <paramref name="purpose"/> (with <paramref name="partnerId"/> for partner
    /// sharing, else null) is in force on <paramref name="date"/>, as a query to compose:
    /// <c>db.Persons.Where(p => db.Consents.InForce(purpose, partner, date).Contains(p.Id))</c>.</summary>
    public static IQueryable<Guid> InForce(this IQueryable<Consent> consents, ConsentPurpose purpose, Guid? partnerId, DateOnly date)
    {
        var known = consents.Where(c => c.Purpose == purpose && c.PartnerId == partnerId && c.On <= date && c.HistoryOf == null && c.RemovedAt == null);
        return known
            .Where(c => !known.Any(later => later.PersonId == c.PersonId && (later.On > c.On || (later.On == c.On && later.Number > c.Number))))
            .Where(c => c.Change == ConsentChange.Given || c.Basis == LegalBasis.PublicTask || c.Basis == LegalBasis.LegalObligation)
            .Select(c => c.PersonId);
    }

    /// <summary>The same rule over one person's events in memory.</summary>
    public static bool InForce(this IEnumerable<Consent> events, ConsentPurpose purpose, Guid? partnerId, DateOnly date)
        => Latest(events, purpose, partnerId, date) is { } latest && (latest.Change == ConsentChange.Given || !WithdrawalEnds(latest.Basis));

    /// <summary>The event that decides the purpose on the date: the last one on or before it.</summary>
    public static Consent? Latest(IEnumerable<Consent> events, ConsentPurpose purpose, Guid? partnerId, DateOnly date)
        => events.Where(c => c.Purpose == purpose && c.PartnerId == partnerId && c.On <= date && c.HistoryOf == null && c.RemovedAt == null)
            .OrderByDescending(c => c.On).ThenByDescending(c => c.Number).FirstOrDefault();

    /// <summary>Where each purpose (and partner) stands on the date: in force or not, since when, on which basis, and
    /// whether an objection was recorded that did not end it.</summary>
    public static IReadOnlyList<ConsentStanding> StandingOn(IReadOnlyCollection<Consent> events, DateOnly date)
        => events.Where(c => c.HistoryOf == null && c.RemovedAt == null)
            .Select(c => (c.Purpose, c.PartnerId)).Distinct()
            .Select(key => (key, latest: Latest(events, key.Purpose, key.PartnerId, date)))
            .Where(x => x.latest is not null)
            .Select(x => new ConsentStanding(x.key.Purpose, x.key.PartnerId, events.InForce(x.key.Purpose, x.key.PartnerId, date),
                x.latest!.On, x.latest.Basis, Objected: x.latest.Change == ConsentChange.Withdrawn && !WithdrawalEnds(x.latest.Basis)))
            .OrderBy(s => s.Purpose).ThenBy(s => s.PartnerId)
            .ToList();
}

/// <summary>A purpose's standing on a date: <paramref name="Since"/> is the date of the event that decides it.</summary>
public sealed record ConsentStanding(ConsentPurpose Purpose, Guid? PartnerId, bool InForce, DateOnly Since, LegalBasis Basis, bool Objected);
