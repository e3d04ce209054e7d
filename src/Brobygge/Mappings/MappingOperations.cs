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
        if (!StartsFromLatest(await enrolment.LatestAsync(db, cancellationToken), basedOn))
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
            // Versions are never removed, so a latest other than basedOn is one saved since: the unique index refused ours.
            if (!StartsFromLatest(await enrolment.LatestAsync(db, cancellationToken), basedOn))
                throw new ConflictException("The mapping");
            throw;
        }
    }

    /// <summary>
    /// The mapping's version check: a form or request filled from version <paramref name="basedOn"/> (0 before the
    /// first) may add the next version only while that is still the latest; otherwise someone saved another since.
    /// </summary>
    public static bool StartsFromLatest(Mapping? latest, int basedOn) => (latest?.Number ?? 0) == basedOn;
}
