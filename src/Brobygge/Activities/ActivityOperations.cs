using Brobygge.Data;
using Brobygge.Enrolments;
using Brobygge.Participants;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Activities;

public sealed class ActivityInput
{
    public ActivityKind? Kind { get; set; }

    /// <summary>Held when not given: activities were recorded after the fact before they could be planned.</summary>
    public ActivityStatus? Status { get; set; }
    public DateOnly? OccurredOn { get; set; }
    public TimeOnly? StartsAt { get; set; }
    public double? Hours { get; set; }
    public DateOnly? EndsOn { get; set; }
    public string? Language { get; set; }
    public bool InterpreterUsed { get; set; }
    public string? EmployerName { get; set; }
    public string? Supervisor { get; set; }
    [MultiLine] public string? Notes { get; set; }
    public Guid? Version { get; set; }
}

/// <summary>Logging activities, internships among them; shared by the pages and the API.</summary>
public static class ActivityOperations
{
    public static async Task<Activity?> AddAsync(BrobyggeDb db, Guid enrolmentId, ActivityInput input, DateOnly today, Problems problems, CancellationToken cancellationToken)
    {
        var enrolment = await db.Enrolments.AsNoTracking().Include(e => e.Periods).SingleOrDefaultAsync(e => e.Id == enrolmentId, cancellationToken)
            ?? throw new NotFoundException("The enrolment");
        var activity = new Activity { OrganisationId = enrolment.OrganisationId, EnrolmentId = enrolment.Id, StaffId = db.Scope.IsSystem ? null : db.Scope.UserId };
        if (!Apply(input, enrolment, activity, today, problems))
            return null;
        db.Activities.Add(activity);
        await db.SaveChangesAsync(cancellationToken);
        return activity;
    }

    public static async Task<Activity?> UpdateAsync(BrobyggeDb db, Guid activityId, ActivityInput input, DateOnly today, Problems problems, CancellationToken cancellationToken)
    {
        var activity = await db.Activities.Include(a => a.Enrolment!.Periods).SingleOrDefaultAsync(a => a.Id == activityId, cancellationToken)
            ?? throw new NotFoundException("The activity");
        problems.RequireVersion(input.Version);
        if (!Apply(input, activity.Enrolment!, activity, today, problems))
            return null;
        await db.SaveEditAsync(activity, input.Version!.Value, "The activity", cancellationToken);
        return activity;
    }

    private static bool Apply(ActivityInput input, Enrolment enrolment, Activity activity, DateOnly today, Problems problems)
    {
        var status = input.Status ?? ActivityStatus.Held;
        if (input.Kind is null)
            problems.Add(nameof(input.Kind), "Choose the kind of activity.");
        // A milestone never precedes the participation: an activity lies inside one of its periods.
        if (input.OccurredOn is not { } on)
            problems.Add(nameof(input.OccurredOn), "Enter the date.");
        else if (on < enrolment.EnrolledOn)
            problems.Add(nameof(input.OccurredOn), "The date is before the participant's enrolment.");
        else if (enrolment.ExitedOn is { } exited && on > exited)
            problems.Add(nameof(input.OccurredOn), "The date is after the participant's exit.");
        else if (enrolment.Periods.Count > 0 && !enrolment.IsActiveOn(on))
            problems.Add(nameof(input.OccurredOn), "The date lies between the participant's exit and re-entry.");
        else if (status == ActivityStatus.Held && on > today)
            problems.Add(nameof(input.OccurredOn), "An activity in the future can only be planned.");
        if (input.EndsOn is { } ends && input.OccurredOn is { } starts && ends < starts)
            problems.Add(nameof(input.EndsOn), "The end date is before the start date.");
        // NaN fails every comparison, so the range is checked as "inside", never as "outside". At most the hours of the
        // days the activity spans.
        var days = input.OccurredOn is { } first ? (input.EndsOn is { } last && last >= first ? last.DayNumber - first.DayNumber + 1 : 1) : 1;
        if (input.Hours is { } hours && !(double.IsFinite(hours) && hours > 0 && hours <= 24 * days))
            problems.Add(nameof(input.Hours), "The hours are more than 0 and at most 24 for each day of the activity.");
        var language = Codes.Languages.TryFind(input.Language);
        if (!string.IsNullOrWhiteSpace(input.Language) && language is null)
            problems.Add(nameof(input.Language), "There is no such language. Write an ISO 639 code (e.g. ar) or the name (e.g. Arabic).");
        if (input.Kind == ActivityKind.Internship)
        {
            if (string.IsNullOrWhiteSpace(input.EmployerName))
                problems.Add(nameof(input.EmployerName), "An internship needs the employer.");
            if (input.EndsOn is null)
                problems.Add(nameof(input.EndsOn), "An internship needs its planned last day.");
        }
        problems.CheckLength(nameof(input.EmployerName), input.EmployerName, 200);
        problems.CheckLength(nameof(input.Supervisor), input.Supervisor, 200);
        problems.CheckLength(nameof(input.Notes), input.Notes, 4000);
        if (problems.Any)
            return false;

        activity.Kind = input.Kind!.Value;
        activity.Status = status;
        activity.OccurredOn = input.OccurredOn!.Value;
        activity.StartsAt = input.StartsAt;
        activity.Hours = input.Hours;
        activity.EndsOn = input.EndsOn;
        activity.Language = language;
        activity.InterpreterUsed = input.InterpreterUsed;
        activity.EmployerName = FreeText.Stored(input.EmployerName);
        activity.Supervisor = FreeText.Stored(input.Supervisor);
        activity.Notes = FreeText.Stored(input.Notes);
        return true;
    }
}

/// <summary>What recording a planned activity as held asks: the day it took place (the planned one unless it moved),
/// the hours it took and, when given, its notes.</summary>
public sealed class HeldInput
{
    public DateOnly? OccurredOn { get; set; }
    public double? Hours { get; set; }
    [MultiLine] public string? Notes { get; set; }
    public Guid? Version { get; set; }
}

/// <summary>A planned meeting is not a held one: recording it as held is what makes it count.</summary>
public static class HoldingActivities
{
    public static async Task<Activity?> RecordHeldAsync(BrobyggeDb db, Guid activityId, HeldInput input, DateOnly today, Problems problems, CancellationToken cancellationToken)
    {
        var activity = await db.Activities.AsNoTracking().SingleOrDefaultAsync(a => a.Id == activityId, cancellationToken)
            ?? throw new NotFoundException("The activity");
        if (activity.Status == ActivityStatus.Held)
        {
            problems.Add(nameof(input.OccurredOn), "The activity is already recorded as held.");
            return null;
        }
        // The activity's own rules decide (not in the future, inside a period of participation, hours per day).
        return await ActivityOperations.UpdateAsync(db, activityId, new ActivityInput
        {
            Kind = activity.Kind, Status = ActivityStatus.Held, OccurredOn = input.OccurredOn ?? activity.OccurredOn, StartsAt = activity.StartsAt,
            Hours = input.Hours ?? activity.Hours, EndsOn = activity.EndsOn, Language = activity.Language, InterpreterUsed = activity.InterpreterUsed,
            EmployerName = activity.EmployerName, Supervisor = activity.Supervisor, Notes = input.Notes ?? activity.Notes, Version = input.Version,
        }, today, problems, cancellationToken);
    }
}
