using Brobygge.Api;
using Brobygge.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using static Brobygge.Enrolments.EnrolmentsApi;

namespace Brobygge.Enrolments;

/// <summary>Assignments in the API: who is suggested as coach or bridge-builder, and assigning them.</summary>
public static class AssignmentsApi
{
    public const string Tag = "Assignments";

    /// <summary>A staff member of the project in the role: shared languages first, then the smallest caseload.</summary>
    public sealed record AssignmentSuggestion(Guid StaffId, string Name, IReadOnlyList<string> SharedLanguages, int Caseload);

    public static RouteGroupBuilder MapAssignmentsApi(this RouteGroupBuilder api)
    {
        var assignments = api.MapGroup("/enrolments/{id:guid}").WithTags(Tag);
        assignments.MapGet("/assignment-suggestions", SuggestAsync).WithName("SuggestAssignments").FindsById()
            .WithSummary("Suggests coaches or bridge-builders for a participant: who speaks their languages, then who has the fewest participants.");
        assignments.MapPost("/assignments", AssignAsync).WithName("AssignStaff").Writes().FindsById().GuardedByVersion()
            .WithSummary("Makes a staff member the participant's coach or bridge-builder from today; the previous one's assignment ends today.")
            .WithDescription("201 with the new assignment; 200 with the current one when the staff member already has that role. "
                + "Send the enrolment's version you read: a hand-over made since answers 409, as does one made at the same moment.");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<AssignmentSuggestion>>, ValidationProblem>> SuggestAsync(Guid id, AssignmentRole? role,
        BrobyggeDb db, CancellationToken cancellationToken)
    {
        await EnsureVisibleAsync(db, id, cancellationToken);
        if (role is null)
        {
            var problems = new Problems();
            problems.Add("role", $"Choose the role: {AssignmentRole.Coach} or {AssignmentRole.BridgeBuilder}.");
            return ApiProblems.Validation(problems);
        }
        var suggestions = await StaffOperations.SuggestAsync(db, id, role.Value, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<AssignmentSuggestion>>(
            suggestions.Select(s => new AssignmentSuggestion(s.Id, s.Name, s.SharedLanguages, s.Caseload)).ToList());
    }

    private static async Task<Results<Created<AssignmentResponse>, Ok<AssignmentResponse>, ValidationProblem>> AssignAsync(Guid id, AssignInput input,
        BrobyggeDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        // AssignAsync returns the current assignment unchanged when the staff member already has the role: 200, not 201.
        var earlier = await db.Assignments.Where(a => a.EnrolmentId == id).Select(a => a.Id).ToListAsync(cancellationToken);
        var problems = new Problems();
        var assignment = await StaffOperations.AssignAsync(db, id, input, time.Today(), problems, cancellationToken);
        if (assignment is null)
            return ApiProblems.Validation(problems);
        var staffName = await db.Users.Where(u => u.Id == assignment.StaffId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        var response = new AssignmentResponse(assignment.Id, assignment.EnrolmentId, assignment.StaffId, staffName, assignment.Role, assignment.StartedOn, assignment.EndedOn);
        return !earlier.Contains(assignment.Id) ? TypedResults.Created($"{ApiSetup.Prefix}/enrolments/{id}", response) : TypedResults.Ok(response);
    }
}
