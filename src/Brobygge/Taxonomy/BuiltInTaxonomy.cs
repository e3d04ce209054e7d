using Brobygge.Data;
using Brobygge.Identity;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Taxonomy;

/// <summary>
/// The small taxonomy embedded in the program (builtin-taxonomy.csv, made by make-builtin-taxonomy.py from the
/// JobTech files: ~150 common occupations with their SSYK groups, ~150 skills and every language), so a fresh
/// install has pick-lists without a download. <c>taxonomy import</c> adds the full taxonomy over it.
/// </summary>
public static class BuiltInTaxonomy
{
    public const string ResourceName = "Brobygge.Taxonomy.builtin-taxonomy.csv";

    /// <summary>Loads the built-in set when the taxonomy table is empty; returns how many concepts it loaded.</summary>
    public static async Task<int> EnsureLoadedAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<BrobyggeDb>();
        if (await db.TaxonomyConcepts.AnyAsync(cancellationToken))
            return 0;
        var read = Read();
        try
        {
            await TaxonomyImport.ImportAsync(db, read.Rows, dryRun: false, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another app node starting at the same time may have loaded it first.
            db.ChangeTracker.Clear();
            if (await db.TaxonomyConcepts.AnyAsync(cancellationToken))
                return 0;
            throw;
        }
        return read.Rows.Count;
    }

    public static TaxonomyRead Read()
    {
        using var stream = typeof(BuiltInTaxonomy).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is missing from the program.");
        var read = TaxonomyFiles.Read(stream, "builtin-taxonomy.csv");
        return read.Problems.Count == 0 ? read : throw new InvalidOperationException(string.Join(Environment.NewLine, read.Problems));
    }
}
