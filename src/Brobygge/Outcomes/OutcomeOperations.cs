using Brobygge.Data;
using Brobygge.Enrolments;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Outcomes;

public sealed class OutcomeInput
{
    public OutcomeKind? Kind { get; set; }
    public DateOnly? StartedOn { get; set; }
    public DateOnly? EndedOn { get; set; }
    public string? EmployerName { get; set; }
    public EmploymentType? EmploymentType { get; set; }
    public double? HoursPerWeek { get; set; }
    public StudiesType? StudiesType { get; set; }

    /// <summary>The version read, for a correction (a new outcome needs none).</summary>
    public Guid? Version { get; set; }
}

/// <summary>Recording, correcting and removing a job or studies; shared by the pages and the API. A correction keeps
/// the earlier content as history and a removal keeps the record with its reason (<see cref="IRecorded"/>), so a
/// figure already reported can be reproduced and explained.</summary>
public static class OutcomeOperations
{
    public static async Task<Outcome?> RecordAsync(BrobyggeDb db, Guid enrolmentId, OutcomeInput input, DateOnly today, Problems problems, CancellationToken cancellationToken)
    {
        var enrolment = await db.Enrolments.AsNoTracking().SingleOrDefaultAsync(e => e.Id == enrolmentId, cancellationToken)
            ?? throw new NotFoundException("The enrolment");
        var outcome = new Outcome { OrganisationId = enrolment.OrganisationId, EnrolmentId = enrolment.Id };
        if (!Apply(input, enrolment, today, outcome, problems))
            return null;
        db.Outcomes.Add(outcome);
        await db.SaveChangesAsync(cancellationToken);
        return outcome;
    }

    /// <summary>Corrects an outcome over the version the user read; the content it replaces stays as history.</summary>
    public static async Task<Outcome?> CorrectAsync(BrobyggeDb db, Guid outcomeId, OutcomeInput input, DateOnly today, Problems problems, CancellationToken cancellationToken)
    {
        var outcome = await db.Outcomes.Include(o => o.Enrolment).SingleOrDefaultAsync(o => o.Id == outcomeId, cancellationToken)
            ?? throw new NotFoundException("The outcome");
        problems.RequireVersion(input.Version);
        if (!Apply(input, outcome.Enrolment!, today, outcome, problems))
            return null;
        outcome.Origin = RecordOrigin.Staff;
        await db.SaveEditAsync(outcome, input.Version!.Value, "The outcome", cancellationToken);
        return outcome;
    }

    /// <summary>Removes an outcome over the version the user read: kept with the reason, counted nowhere from now on.</summary>
    public static Task<Outcome?> RemoveAsync(BrobyggeDb db, Guid outcomeId, RemovalInput input, Problems problems, CancellationToken cancellationToken)
        => RecordOperations.RemoveAsync<Outcome>(db, outcomeId, input, "The outcome", problems, cancellationToken);

    /// <summary>The outcome's versions, the current (or removed) one first.</summary>
    public static Task<IReadOnlyList<Outcome>?> HistoryAsync(BrobyggeDb db, Guid outcomeId, CancellationToken cancellationToken)
        => RecordOperations.VersionsAsync<Outcome>(db, outcomeId, cancellationToken);

    private static bool Apply(OutcomeInput input, Enrolment enrolment, DateOnly today, Outcome outcome, Problems problems)
    {
        Check(input, enrolment.EnrolledOn, today, problems);
        if (problems.Any)
            return false;

        var employment = input.Kind == OutcomeKind.Employment;
        outcome.Kind = input.Kind!.Value;
        outcome.StartedOn = input.StartedOn!.Value;
        outcome.EndedOn = input.EndedOn;
        outcome.EmployerName = employment ? FreeText.Stored(input.EmployerName) : null;
        outcome.EmploymentType = employment ? input.EmploymentType : null;
        outcome.HoursPerWeek = employment ? input.HoursPerWeek : null;
        outcome.StudiesType = employment ? null : input.StudiesType;
        return true;
    }

    /// <summary>The outcome's fields against the enrolment date, without the database; shared with the import.</summary>
    public static void Check(OutcomeInput input, DateOnly enrolledOn, DateOnly today, Problems problems)
    {
        if (input.Kind is null)
            problems.Add(nameof(input.Kind), "Choose employment or studies.");
        if (input.StartedOn is not { } started)
            problems.Add(nameof(input.StartedOn), "Enter the start date.");
        else if (started < enrolledOn)
            problems.Add(nameof(input.StartedOn), "The start date is before the enrolment.");
        else if (started > today.AddYears(1))
            problems.Add(nameof(input.StartedOn), "The start date is more than a year ahead.");
        if (input.EndedOn is { } ended && input.StartedOn is { } start && ended < start)
            problems.Add(nameof(input.EndedOn), "The end date is before the start date.");
        if (input.Kind == OutcomeKind.Employment)
        {
            if (input.EmploymentType is null)
                problems.Add(nameof(input.EmploymentType), "Choose the type of employment.");
            if (input.EmploymentType != EmploymentType.SelfEmployed && string.IsNullOrWhiteSpace(input.EmployerName))
                problems.Add(nameof(input.EmployerName), "Enter the employer.");
            // NaN fails every comparison, so the range is checked as "inside", never as "outside".
            if (input.HoursPerWeek is { } hours && !(double.IsFinite(hours) && hours > 0 && hours <= 80))
                problems.Add(nameof(input.HoursPerWeek), "Hours per week are more than 0 and at most 80.");
        }
        if (input.Kind == OutcomeKind.Studies && input.StudiesType is null)
            problems.Add(nameof(input.StudiesType), "Choose the type of studies.");
        problems.CheckLength(nameof(input.EmployerName), input.EmployerName, 200);
    }
}
