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

public enum GoalIndicator { Participants, Employed, Studying, Retained6m }

public static class GoalIndicators
{
    /// <summary>The names used on the command line and in the API.</summary>
    public static readonly IReadOnlyDictionary<string, GoalIndicator> ByName = new Dictionary<string, GoalIndicator>(StringComparer.OrdinalIgnoreCase)
    {
        ["participants"] = GoalIndicator.Participants,
        ["employed"] = GoalIndicator.Employed,
        ["studying"] = GoalIndicator.Studying,
        ["retained_6m"] = GoalIndicator.Retained6m,
    };

    public static string NameOf(GoalIndicator indicator) => ByName.First(pair => pair.Value == indicator).Key;
}
