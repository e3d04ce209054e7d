using Brobygge.Data;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Organisations;

public static class OrganisationLookup
{
    /// <summary>The named organisation, or the only one; a first organisation is created on demand so a
    /// fresh production database can be set up from the command line alone.</summary>
    public static async Task<Organisation> FindOrCreateAsync(BrobyggeDb db, string? name, CancellationToken cancellationToken)
    {
        var all = await db.Organisations.ToListAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(name))
        {
            var named = all.FirstOrDefault(o => string.Equals(o.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
            if (named is not null)
                return named;
            if (name.Trim().Length > 200)
                throw new CommandLineException("--organisation can be at most 200 characters.");
            var created = new Organisation { Name = name.Trim() };
            db.Organisations.Add(created);
            return created;
        }
        return all.Count switch
        {
            0 => throw new CommandLineException("There is no organisation yet: give --organisation NAME to create it."),
            1 => all[0],
            _ => throw new CommandLineException($"There are {all.Count} organisations: give --organisation NAME."),
        };
    }
}
