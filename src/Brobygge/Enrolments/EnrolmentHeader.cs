using Brobygge.Data;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Enrolments;

/// <summary>Who a journey page is about: shown at its top, and where it returns to.</summary>
public sealed record EnrolmentHeader(Guid EnrolmentId, Guid PersonId, string Name, string Reference, string Project, DateOnly EnrolledOn, DateOnly? ExitedOn, Guid Version)
{
    /// <summary>Null when the enrolment is not there or not visible to the user.</summary>
    public static Task<EnrolmentHeader?> LoadAsync(BrobyggeDb db, Guid enrolmentId, CancellationToken cancellationToken)
        => db.Enrolments.AsNoTracking().Where(e => e.Id == enrolmentId)
            .Select(e => new EnrolmentHeader(e.Id, e.PersonId, e.Person!.FirstName + " " + e.Person.LastName, e.Reference, e.Project!.Name, e.EnrolledOn, e.ExitedOn, e.Version))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>For the pages: an enrolment that is not there, or not visible to the user, is a 404.</summary>
    public static async Task<EnrolmentHeader> FindAsync(BrobyggeDb db, Guid enrolmentId, CancellationToken cancellationToken)
        => await LoadAsync(db, enrolmentId, cancellationToken) ?? throw new NotFoundException("The enrolment");
}
