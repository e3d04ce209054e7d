using System.ComponentModel.DataAnnotations;
using Brobygge.Data;
using Brobygge.Identity;
using Brobygge.Participants;
using Brobygge.Projects;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Reports;

/// <summary>A goal as the project manager's form sends it: an indicator, for everyone or one gender, and its target.</summary>
public sealed class GoalInput
{
    [Required(ErrorMessage = "Choose the indicator.")]
    public GoalIndicator? Indicator { get; set; }

    /// <summary>Empty for the goal that counts everyone.</summary>
    public Gender? Gender { get; set; }

    [Required(ErrorMessage = "Enter the target.")]
    [Range(0, 10_000_000, ErrorMessage = "Enter a whole number from 0 to 10000000.")]
    public int? Target { get; set; }
}

/// <summary>Sets and removes a project's goals: project managers who are members of the project (the command line's
/// <c>goals set</c> is the system's).</summary>
public static class GoalOperations
{
    /// <summary>The projects whose goals the user may change.</summary>
    public static IQueryable<Project> ManagedProjects(BrobyggeDb db)
        => db.Scope.Roles.Contains(Roles.ProjectManager) ? ReportAccess.ReportableProjects(db) : db.Projects.Where(p => false);

    /// <summary>Sets the target of the goal for the indicator and gender (adding it, or changing the one there).</summary>
    public static async Task<Goal?> SetAsync(BrobyggeDb db, Guid projectId, GoalInput input, Problems problems, CancellationToken cancellationToken)
    {
        var project = await ManagedProjects(db).SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken)
            ?? throw new NotFoundException("The project");
        if (input.Indicator is null)
            problems.Add(nameof(GoalInput.Indicator), "Choose the indicator.");
        if (input.Target is not (>= 0 and <= 10_000_000))
            problems.Add(nameof(GoalInput.Target), input.Target is null ? "Enter the target." : "Enter a whole number from 0 to 10000000.");
        if (problems.Any)
            return null;
        var goal = await db.Goals.SingleOrDefaultAsync(g => g.ProjectId == project.Id && g.Indicator == input.Indicator && g.Gender == input.Gender, cancellationToken);
        if (goal is null)
            db.Goals.Add(goal = new Goal { OrganisationId = project.OrganisationId, ProjectId = project.Id, Indicator = input.Indicator!.Value, Gender = input.Gender });
        goal.Target = input.Target!.Value;
        await db.SaveChangesAsync(cancellationToken);
        return goal;
    }

    public static async Task<Goal> RemoveAsync(BrobyggeDb db, Guid projectId, Guid goalId, CancellationToken cancellationToken)
    {
        var project = await ManagedProjects(db).SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken)
            ?? throw new NotFoundException("The project");
        var goal = await db.Goals.SingleOrDefaultAsync(g => g.Id == goalId && g.ProjectId == project.Id, cancellationToken)
            ?? throw new NotFoundException("The goal");
        db.Goals.Remove(goal);
        await db.SaveChangesAsync(cancellationToken);
        return goal;
    }
}
