using Brobygge.Data;
using Brobygge.Participants;

namespace Brobygge.Projects;

/// <summary>A target value for an indicator over the project period, for everyone or for one gender.</summary>
public sealed class Goal : ITenantOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid ProjectId { get; set; }
    public GoalIndicator Indicator { get; set; }

    /// <summary>Null for the goal that counts everyone.</summary>
    public Gender? Gender { get; set; }
    public int Target { get; set; }
}

/// <summary>What a goal counts: every indicator the goal report computes (Reports/GoalReport.cs), each counted once per
/// participant from the enrolment's records as of the report date. Stored by name, so the order is free.</summary>
public enum GoalIndicator { Participants, Employed, Studying, Retained6m, Mapped, WithPlan, InActivity, Internship, EmployedOrInternship, EmployedOrStudying }

public static class GoalIndicators
{
    /// <summary>The names used on the command line and in the API.</summary>
    public static readonly IReadOnlyDictionary<string, GoalIndicator> ByName = new Dictionary<string, GoalIndicator>(StringComparer.OrdinalIgnoreCase)
    {
        ["participants"] = GoalIndicator.Participants,
        ["mapped"] = GoalIndicator.Mapped,
        ["with_plan"] = GoalIndicator.WithPlan,
        ["in_activity"] = GoalIndicator.InActivity,
        ["internship"] = GoalIndicator.Internship,
        ["employed"] = GoalIndicator.Employed,
        ["studying"] = GoalIndicator.Studying,
        // Den g(l)ömda resursen's goal: "in some form of employment or internship".
        ["employed_or_internship"] = GoalIndicator.EmployedOrInternship,
        // Its evaluation counted self-sufficiency as work or studies.
        ["employed_or_studying"] = GoalIndicator.EmployedOrStudying,
        ["retained_6m"] = GoalIndicator.Retained6m,
    };

    public static string NameOf(GoalIndicator indicator) => ByName.First(pair => pair.Value == indicator).Key;
}
