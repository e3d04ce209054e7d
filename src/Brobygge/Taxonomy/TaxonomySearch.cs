using Brobygge.Identity;
using System.Globalization;
using System.Text;
using Brobygge.Data;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Taxonomy;

/// <summary>A pick-list entry: the concept id to store and the label to show.</summary>
public sealed record TaxonomyHit(string Id, string Label);

/// <summary>
/// Finds taxonomy concepts by label for pick-lists: <c>GET /taxonomy/search?type=occupation-name&amp;q=kock</c>.
/// </summary>
public static class TaxonomySearch
{
    public const int Limit = 20;
    private const int MaxQueryLength = 100;

    private static readonly StringComparer Swedish = StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), CompareOptions.IgnoreCase);

    public static IEndpointRouteBuilder MapTaxonomySearch(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/taxonomy/search", async (string? type, string? q, BrobyggeDb db, CancellationToken cancellationToken)
                => TypedResults.Ok(await SearchAsync(db, type ?? "", q ?? "", cancellationToken)))
            .RequireAuthorization(AccessPolicies.SignedIn);
        return endpoints;
    }

    /// <summary>The first <see cref="Limit"/> concepts of the type whose label contains the text, case-insensitively:
    /// labels that start with it first, then the others, each in Swedish alphabetical order.</summary>
    public static async Task<IReadOnlyList<TaxonomyHit>> SearchAsync(BrobyggeDb db, string type, string text, CancellationToken cancellationToken)
    {
        text = text.Trim();
        if (text.Length == 0 || text.Length > MaxQueryLength || type.Length == 0)
            return [];
        var candidates = await Narrow(db.TaxonomyConcepts.AsNoTracking().Where(c => c.Type == type), text)
            .Select(c => new TaxonomyHit(c.ConceptId, c.Label))
            .ToListAsync(cancellationToken);
        return candidates
            .Select(hit => (Hit: hit, At: hit.Label.IndexOf(text, StringComparison.OrdinalIgnoreCase)))
            .Where(match => match.At >= 0)
            .OrderBy(match => match.At == 0 ? 0 : 1)
            .ThenBy(match => match.Hit.Label, Swedish)
            .ThenBy(match => match.Hit.Id, StringComparer.Ordinal)
            .Take(Limit)
            .Select(match => match.Hit)
            .ToList();
    }

    /// <summary>
    /// Narrows the query in the database to labels that contain each ASCII run of the text. SQLite's lower()
    /// (and PostgreSQL's with a C locale) lower-case ASCII only, so a case-insensitive match of "översättare"
    /// against "Översättare" must be decided in .NET; the database can still rule out labels lacking "versättare".
    /// </summary>
    internal static IQueryable<TaxonomyConcept> Narrow(IQueryable<TaxonomyConcept> concepts, string text)
    {
        foreach (var run in AsciiRuns(text))
            concepts = concepts.Where(c => c.Label.ToLower().Contains(run));
        return concepts;
    }

    internal static IEnumerable<string> AsciiRuns(string text)
    {
        var run = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsAscii(c))
                run.Append(char.ToLowerInvariant(c));
            else if (run.Length > 0)
            {
                yield return run.ToString();
                run.Clear();
            }
        }
        if (run.Length > 0)
            yield return run.ToString();
    }
}

/// <summary>
/// Resolves labels that people typed to concepts of one type, as a form without JavaScript posts them: an exact
/// label, ignoring case and spacing around commas.
/// </summary>
public sealed class TaxonomyLookup
{
    private readonly Dictionary<string, List<TaxonomyConcept>> _byLabel;

    private TaxonomyLookup(Dictionary<string, List<TaxonomyConcept>> byLabel)
    {
        _byLabel = byLabel;
        MostParts = byLabel.Keys.Select(PartsOf).DefaultIfEmpty(1).Max();
    }

    /// <summary>The most comma-separated parts any label has ("Kock, à la carte" has 2), so a reader of
    /// comma-separated labels never needs to try a longer run.</summary>
    public int MostParts { get; }

    public static int PartsOf(string label) => label.AsSpan().Count(',') + 1;

    /// <summary>Reads every concept of the type (a few thousand at most) once, for all the labels of a form.</summary>
    public static async Task<TaxonomyLookup> ForTypeAsync(BrobyggeDb db, string type, CancellationToken cancellationToken)
    {
        var concepts = await db.TaxonomyConcepts.AsNoTracking().Where(c => c.Type == type).ToListAsync(cancellationToken);
        return Of(concepts);
    }

    public static TaxonomyLookup Of(IEnumerable<TaxonomyConcept> concepts)
        => new(concepts.GroupBy(c => Key(c.Label)).ToDictionary(g => g.Key, g => g.OrderBy(c => c.ConceptId, StringComparer.Ordinal).ToList()));

    /// <summary>The concepts with this label: none, one, or several that share it.</summary>
    public IReadOnlyList<TaxonomyConcept> Find(string label) => _byLabel.GetValueOrDefault(Key(label)) ?? [];

    /// <summary>Trimmed, single spaces, ", " after commas, lower-case: "Kock ,  à la carte" finds "Kock, à la carte".</summary>
    public static string Key(string label)
    {
        var parts = label.Split(',').Select(part => string.Join(' ', part.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        return string.Join(", ", parts).Trim().ToLowerInvariant();
    }
}
