using Brobygge.Data;
using Microsoft.AspNetCore.Identity;

namespace Brobygge.Identity;

/// <summary>A login: staff, partner liaison or evaluator, always of one organisation.</summary>
public sealed class User : IdentityUser<Guid>, ITenantOwned
{
    public Guid OrganisationId { get; set; }
    public required string DisplayName { get; set; }

    /// <summary>ISO 639 codes the staff member speaks, used to suggest assignments.</summary>
    public List<string> Languages { get; set; } = [];
}

/// <summary>The roles of PRODUCT.md, "Who uses it".</summary>
public static class Roles
{
    public const string ProjectManager = "ProjectManager";
    public const string Coach = "Coach";
    public const string BridgeBuilder = "BridgeBuilder";
    public const string EmployerLiaison = "EmployerLiaison";
    public const string PartnerLiaison = "PartnerLiaison";
    public const string Evaluator = "Evaluator";
    public const string Administrator = "Administrator";

    public static readonly IReadOnlyList<string> All =
        [ProjectManager, Coach, BridgeBuilder, EmployerLiaison, PartnerLiaison, Evaluator, Administrator];

    /// <summary>Accepts the role name in any case, or its kebab/snake form (project-manager).</summary>
    public static string? Find(string name)
    {
        var plain = name.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        return All.FirstOrDefault(role => string.Equals(role, plain, StringComparison.OrdinalIgnoreCase));
    }
}
