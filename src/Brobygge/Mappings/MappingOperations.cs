using Brobygge.Data;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Mappings;

/// <summary>Saving a mapping version, shared by the page and the API; the content is checked first by
/// <see cref="MappingInput.ValidateAsync"/>.</summary>
public static class MappingOperations
{
    /// <summary>
    /// Saves the checked mapping as version <paramref name="basedOn"/> + 1. A version is never edited; if someone
    /// saved another version after <paramref name="basedOn"/> (checked here, and by the unique index for two saves
    /// at the same moment), nothing is saved and <see cref="ConflictException"/> says so.
    /// </summary>
    public static async Task<Mapping> SaveVersionAsync(BrobyggeDb db, MappedEnrolment enrolment, Mapping mapping, int basedOn, DateTime now, CancellationToken cancellationToken)
    {
        if (((await enrolment.LatestAsync(db, cancellationToken))?.Number ?? 0) != basedOn)
            throw new ConflictException("The mapping");
        mapping.OrganisationId = enrolment.OrganisationId;
        mapping.EnrolmentId = enrolment.Id;
        mapping.Number = basedOn + 1;
        mapping.RecordedById = db.Scope.IsSystem ? null : db.Scope.UserId;
        db.Mappings.Add(mapping);
        db.Entry(mapping).Property(m => m.RecordedAt).CurrentValue = now;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return mapping;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (((await enrolment.LatestAsync(db, cancellationToken))?.Number ?? 0) >= mapping.Number)
                throw new ConflictException("The mapping");
            throw;
        }
    }
}
