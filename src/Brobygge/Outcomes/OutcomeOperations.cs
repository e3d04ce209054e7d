using Brobygge.Activities;
using Brobygge.Data;
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
}

/// <summary>Recording a job or studies; shared by the pages and the API.</summary>
public static class OutcomeOperations
{
    public static async Task<Outcome?> RecordAsync(BrobyggeDb db, Guid enrolmentId, OutcomeInput input, DateOnly today, Problems problems, CancellationToken cancellationToken)
    {
        var enrolment = await db.Enrolments.AsNoTracking().SingleOrDefaultAsync(e => e.Id == enrolmentId, cancellationToken)
            ?? throw new NotFoundException("The enrolment");
        Check(input, enrolment.EnrolledOn, today, problems);
        if (problems.Any)
            return null;

        var employment = input.Kind == OutcomeKind.Employment;
        var outcome = new Outcome
        {
            OrganisationId = enrolment.OrganisationId, EnrolmentId = enrolment.Id, Kind = input.Kind!.Value,
            StartedOn = input.StartedOn!.Value, EndedOn = input.EndedOn,
            EmployerName = employment ? ActivityOperations.Trimmed(input.EmployerName) : null,
            EmploymentType = employment ? input.EmploymentType : null,
            HoursPerWeek = employment ? input.HoursPerWeek : null,
            StudiesType = employment ? null : input.StudiesType,
        };
        db.Outcomes.Add(outcome);
        await db.SaveChangesAsync(cancellationToken);
        return outcome;
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
        ActivityOperations.CheckLength(problems, nameof(input.EmployerName), input.EmployerName, 200);
    }
}
