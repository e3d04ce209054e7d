namespace Brobygge.Taxonomy;

/// <summary>
/// A concept of Arbetsförmedlingen's JobTech taxonomy: an occupation, skill, language, SSYK group, ….
/// Reference data shared by every organisation, so it carries no tenant key.
/// </summary>
public sealed class TaxonomyConcept
{
    /// <summary>The taxonomy's own concept id, e.g. "fg7B_yov_smw".</summary>
    public required string ConceptId { get; set; }

    /// <summary>The concept type as the taxonomy names it: occupation-name, skill, language, ssyk-level-4, ….</summary>
    public required string Type { get; set; }
    public required string Label { get; set; }

    /// <summary>SSYK 2012 code for SSYK groups and occupations (4 digits for a group, fewer for broader levels).</summary>
    public string? SsykCode { get; set; }

    /// <summary>The broader concept (the SSYK-4 group of an occupation, the parent level of a group).</summary>
    public string? BroaderId { get; set; }
}
