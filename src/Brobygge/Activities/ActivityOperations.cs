using Brobygge.Data;
using Brobygge.Enrolments;
using Brobygge.Participants;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Activities;

public sealed class ActivityInput
{
    public ActivityKind? Kind { get; set; }
    public DateOnly? OccurredOn { get; set; }
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
    public static async Task<Activity?> AddAsync(BrobyggeDb db, Guid enrolmentId, ActivityInput input, Problems problems, CancellationToken cancellationToken)
    {
        var enrolment = await db.Enrolments.AsNoTracking().SingleOrDefaultAsync(e => e.Id == enrolmentId, cancellationToken)
            ?? throw new NotFoundException("The enrolment");
        var activity = new Activity { OrganisationId = enrolment.OrganisationId, EnrolmentId = enrolment.Id, StaffId = db.Scope.IsSystem ? null : db.Scope.UserId };
        if (!Apply(input, enrolment, activity, problems))
            return null;
        db.Activities.Add(activity);
        await db.SaveChangesAsync(cancellationToken);
        return activity;
    }

    public static async Task<Activity?> UpdateAsync(BrobyggeDb db, Guid activityId, ActivityInput input, Problems problems, CancellationToken cancellationToken)
    {
        var activity = await db.Activities.Include(a => a.Enrolment).SingleOrDefaultAsync(a => a.Id == activityId, cancellationToken)
            ?? throw new NotFoundException("The activity");
        problems.RequireVersion(input.Version);
        if (!Apply(input, activity.Enrolment!, activity, problems))
            return null;
        if (input.Version is { } version)
            db.Entry(activity).Property(a => a.Version).OriginalValue = version;
        await EnrolmentOperations.SaveAsync(db, "The activity", cancellationToken);
        return activity;
    }

    private static bool Apply(ActivityInput input, Enrolment enrolment, Activity activity, Problems problems)
    {
        var earliest = enrolment.ContactedOn is { } contacted && contacted < enrolment.EnrolledOn ? contacted : enrolment.EnrolledOn;
        if (input.Kind is null)
            problems.Add(nameof(input.Kind), "Choose the kind of activity.");
        if (input.OccurredOn is not { } on)
            problems.Add(nameof(input.OccurredOn), "Enter the date.");
        else if (on < earliest)
            problems.Add(nameof(input.OccurredOn), "The date is before the participant was contacted or enrolled.");
        else if (enrolment.ExitedOn is { } exited && on > exited)
            problems.Add(nameof(input.OccurredOn), "The date is after the participant's exit.");
        if (input.EndsOn is { } ends && input.OccurredOn is { } starts && ends < starts)
            problems.Add(nameof(input.EndsOn), "The end date is before the start date.");
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
        CheckLength(problems, nameof(input.EmployerName), input.EmployerName, 200);
        CheckLength(problems, nameof(input.Supervisor), input.Supervisor, 200);
        CheckLength(problems, nameof(input.Notes), input.Notes, 4000);
        if (problems.Any)
            return false;

        activity.Kind = input.Kind!.Value;
        activity.OccurredOn = input.OccurredOn!.Value;
        activity.EndsOn = input.EndsOn;
        activity.Language = language;
        activity.InterpreterUsed = input.InterpreterUsed;
        activity.EmployerName = Trimmed(input.EmployerName);
        activity.Supervisor = Trimmed(input.Supervisor);
        activity.Notes = Trimmed(input.Notes);
        return true;
    }

    internal static void CheckLength(Problems problems, string field, string? value, int maximum)
    {
        if (value is { } text && text.Trim().Length > maximum)
            problems.Add(field, $"Too long: at most {maximum} characters.");
    }

    internal static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
