using Microsoft.EntityFrameworkCore;

namespace Brobygge.Data;

/// <summary>
/// The versioned save, the one way every edit of an <see cref="IVersioned"/> record is written: the form or request
/// carries the version it was read at, the save is refused when the record has been saved since, and the refusal is a
/// <see cref="ConflictException"/> (a 409 in the API, the other person's version on a page), never an overwrite.
/// </summary>
public static class VersionedSave
{
    /// <summary>Saves an edit of <paramref name="record"/> made from the version the user read; someone else's newer
    /// save in between makes it a <see cref="ConflictException"/> naming <paramref name="what"/>, and nothing is saved.</summary>
    public static Task SaveEditAsync<T>(this BrobyggeDb db, T record, Guid readVersion, string what, CancellationToken cancellationToken)
        where T : class, IVersioned
    {
        // The concurrency token is compared with its original value: the version read, not the one loaded now.
        db.Entry(record).Property(r => r.Version).OriginalValue = readVersion;
        return db.SaveOrConflictAsync(what, cancellationToken);
    }

    /// <summary>Saves; a save over someone else's newer change becomes a <see cref="ConflictException"/> naming
    /// <paramref name="what"/>.</summary>
    public static async Task SaveOrConflictAsync(this BrobyggeDb db, string what, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException(what);
        }
    }
}
