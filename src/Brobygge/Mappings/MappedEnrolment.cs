using Brobygge.Data;
using Brobygge.Participants;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Mappings;

/// <summary>The enrolment a mapping page is about, with its person; null when the user may not see it.</summary>
public sealed record MappedEnrolment(Guid Id, Guid OrganisationId, string Project, Person Person)
{
    public static async Task<MappedEnrolment?> FindAsync(BrobyggeDb db, Guid enrolmentId, CancellationToken cancellationToken)
    {
        // The query filters answer "not found" for an enrolment outside the user's scope: no IDOR.
        var enrolment = await db.Enrolments.AsNoTracking()
            .Where(e => e.Id == enrolmentId)
            .Select(e => new { e.Id, e.OrganisationId, e.PersonId, Project = e.Project!.Name })
            .SingleOrDefaultAsync(cancellationToken);
        if (enrolment is null)
            return null;
        var person = await db.Persons.AsNoTracking().SingleOrDefaultAsync(p => p.Id == enrolment.PersonId, cancellationToken);
        return person is null ? null : new MappedEnrolment(enrolment.Id, enrolment.OrganisationId, enrolment.Project, person);
    }

    public Task<Mapping?> LatestAsync(BrobyggeDb db, CancellationToken cancellationToken)
        => db.Mappings.AsNoTracking().Where(m => m.EnrolmentId == Id).OrderByDescending(m => m.Number).FirstOrDefaultAsync(cancellationToken);

    public Task<Mapping?> VersionAsync(BrobyggeDb db, int number, CancellationToken cancellationToken)
        => db.Mappings.AsNoTracking().SingleOrDefaultAsync(m => m.EnrolmentId == Id && m.Number == number, cancellationToken);
}
