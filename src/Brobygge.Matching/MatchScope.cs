namespace Brobygge.Matching;

/// <summary>
/// Who may be considered, applied inside the engine so a top-N is never emptied by a filter afterwards: candidates of
/// the organisations or projects the viewer works in, active, and — for an employer liaison — with the presentation
/// consent in force. For openings ranked for a candidate, <see cref="OpeningOrganisations"/> (or, when it is empty,
/// <see cref="Organisations"/>) limits the openings, since projects own no openings, and the candidate must be in
/// scope themself.
/// </summary>
/// <remarks>The engine ranks from its index; the page or endpoint still checks access and consent in the database
/// when it shows the result (issue 15, item 4).</remarks>
public sealed record MatchScope
{
    /// <summary>Every organisation and project (the system, a national benchmark).</summary>
    public static MatchScope Everywhere { get; } = new() { IsEverywhere = true };

    public bool IsEverywhere { get; init; }
    public IReadOnlySet<Guid> Organisations { get; init; } = new HashSet<Guid>();
    public IReadOnlySet<Guid> Projects { get; init; } = new HashSet<Guid>();

    /// <summary>The organisations whose openings may be suggested, e.g. those of a coach's projects; empty: <see cref="Organisations"/>.</summary>
    public IReadOnlySet<Guid> OpeningOrganisations { get; init; } = new HashSet<Guid>();

    /// <summary>The viewer is an employer liaison: only candidates with the presentation consent.</summary>
    public bool ForEmployerLiaison { get; init; }

    public static MatchScope Of(IEnumerable<Guid> organisations, IEnumerable<Guid> projects, bool forEmployerLiaison = false) => new()
    {
        Organisations = organisations.ToHashSet(),
        Projects = projects.ToHashSet(),
        ForEmployerLiaison = forEmployerLiaison,
    };

    /// <summary>Whether a candidate may be considered (the engine applies it; exposed for the integration's own checks).</summary>
    public bool Admits(Candidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return candidate.Active
            && (!ForEmployerLiaison || candidate.PresentationConsent)
            && (IsEverywhere || Organisations.Contains(candidate.Organisation) || candidate.Projects.Any(Projects.Contains));
    }
}
