using Brobygge.Data;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Taxonomy;

/// <summary>How many concepts of one type an import created, changed and found as they were.</summary>
public sealed record TaxonomyTypeCount(string Type, int Created, int Updated, int Unchanged);

/// <summary>
/// Loads taxonomy concepts into <see cref="BrobyggeDb.TaxonomyConcepts"/>, upserting by concept id in one save, so an
/// import is all or nothing. Concepts the rows do not mention are kept: mappings and openings refer to them by id.
/// </summary>
public static class TaxonomyImport
{
    public static async Task<IReadOnlyList<TaxonomyTypeCount>> ImportAsync(BrobyggeDb db, IReadOnlyList<TaxonomyRow> rows, bool dryRun, CancellationToken cancellationToken)
    {
        // The whole table is reference data of some ten thousand rows; one read beats a huge IN list.
        var stored = await db.TaxonomyConcepts.ToDictionaryAsync(c => c.ConceptId, StringComparer.Ordinal, cancellationToken);
        var counts = new Dictionary<string, (int Created, int Updated, int Unchanged)>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var count = counts.GetValueOrDefault(row.Type);
            if (!stored.TryGetValue(row.ConceptId, out var concept))
            {
                concept = new TaxonomyConcept { ConceptId = row.ConceptId, Type = row.Type, Label = row.Label, SsykCode = Blank(row.SsykCode), BroaderId = Blank(row.BroaderId) };
                stored[row.ConceptId] = concept;
                db.TaxonomyConcepts.Add(concept);
                count.Created++;
            }
            else if (Apply(concept, row))
                count.Updated++;
            else
                count.Unchanged++;
            counts[row.Type] = count;
        }
        if (!dryRun)
            await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return counts.OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => new TaxonomyTypeCount(pair.Key, pair.Value.Created, pair.Value.Updated, pair.Value.Unchanged))
            .ToList();
    }

    /// <summary>Copies the row onto the stored concept; a column the file did not have (null) keeps its value.</summary>
    private static bool Apply(TaxonomyConcept concept, TaxonomyRow row)
    {
        var ssyk = row.SsykCode is null ? concept.SsykCode : Blank(row.SsykCode);
        var broader = row.BroaderId is null ? concept.BroaderId : Blank(row.BroaderId);
        if (concept.Type == row.Type && concept.Label == row.Label && concept.SsykCode == ssyk && concept.BroaderId == broader)
            return false;
        concept.Type = row.Type;
        concept.Label = row.Label;
        concept.SsykCode = ssyk;
        concept.BroaderId = broader;
        return true;
    }

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
