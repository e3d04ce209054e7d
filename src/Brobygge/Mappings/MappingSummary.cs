using Brobygge.Data;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Mappings;

/// <summary>An enrolment's latest mapping and how many versions there are, for the participant page.</summary>
public sealed record MappingSummary(int Versions, Mapping? Latest)
{
    /// <summary>The occupations with the most years first.</summary>
    public IEnumerable<WorkExperience> TopOccupations(int count)
        => (Latest?.Experience ?? []).OrderByDescending(e => e.Years).ThenBy(e => e.Label, StringComparer.CurrentCulture).Take(count);

    /// <summary>The query filters show only mappings of enrolments the user sees; others give an empty summary.</summary>
    public static async Task<MappingSummary> ForEnrolmentAsync(BrobyggeDb db, Guid enrolmentId, CancellationToken cancellationToken)
    {
        var mappings = db.Mappings.AsNoTracking().Where(m => m.EnrolmentId == enrolmentId);
        var latest = await mappings.OrderByDescending(m => m.Number).FirstOrDefaultAsync(cancellationToken);
        return new MappingSummary(latest?.Number ?? 0, latest);
    }
}
