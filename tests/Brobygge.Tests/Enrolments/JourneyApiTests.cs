using System.Net;
using Brobygge.Api;
using Brobygge.Auditing;
using Brobygge.Enrolments;
using Brobygge.FollowUps;
using Brobygge.Identity;
using Brobygge.Plans;
using Brobygge.Tests.Api;
using Brobygge.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using static Brobygge.Activities.ActivitiesApi;
using static Brobygge.Contacts.ContactsApi;
using static Brobygge.Enrolments.AssignmentsApi;
using static Brobygge.Enrolments.EnrolmentsApi;
using static Brobygge.FollowUps.FollowUpsApi;
using static Brobygge.Outcomes.OutcomesApi;
using static Brobygge.Participants.ParticipantsApi;
using static Brobygge.Plans.PlansApi;

namespace Brobygge.Tests.Enrolments;

/// <summary>The participant's journey of PRODUCT.md, start to end, through the API only.</summary>
public abstract class JourneyApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = app.Available();

    private static DateOnly Date(int year, int month, int day) => new(year, month, day);

    private void Today(DateOnly date) => _app.Clock.Now = new DateTimeOffset(date.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);

    /// <summary>Another day: a token lasts an hour, so the integration asks for a new one.</summary>
    private async Task<HttpClient> DayAsync(DateOnly date, User user)
    {
        Today(date);
        return await _app.ApiClientAsync(user);
    }

    [Fact]
    public async Task A_coach_takes_a_contact_through_enrolment_internship_job_exit_and_follow_ups()
    {
        Today(Date(2025, 3, 3));
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var bridgeBuilder = await _app.CreateUserAsync(Roles.BridgeBuilder, project);
        var otherBridgeBuilder = await _app.CreateUserAsync(Roles.BridgeBuilder, project);
        await _app.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == bridgeBuilder.Id)).Languages = ["ar"];
            await db.SaveChangesAsync();
        });
        var client = await _app.ApiClientAsync(coach);

        // Outreach: a person met on site, registered as a contact.
        var contact = await (await client.PostJsonAsync("/api/v1/contacts", new
        {
            person = new { firstName = "Nesrin", lastName = "Haddad", gender = "Woman", identityNumber = "198203192383", languages = new[] { "ar", "sv" }, district = "Drottninghög" },
            projectId = project.Id, contactedOn = "2025-03-03", language = "ar", bridgeBuilderId = bridgeBuilder.Id, place = "Träffpunkten",
        })).ReadAsync<ContactResponse>(HttpStatusCode.Created);
        Assert.Null(contact.EnrolmentId);
        Assert.Contains(contact.Id, (await (await client.GetAsync("/api/v1/contacts")).ReadAsync<ListPage<ContactResponse>>()).Items.Select(c => c.Id));

        // Enrolment a week later: the coach who enrols lands as the coach.
        client = await DayAsync(Date(2025, 3, 10), coach);
        var enrolled = await client.PostJsonAsync($"/api/v1/participants/{contact.PersonId}/enrolments",
            new { projectId = project.Id, enrolledOn = "2025-03-10", statusAtEntry = "LongTermUnemployed" });
        var enrolment = await enrolled.ReadAsync<EnrolmentResponse>(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/enrolments/{enrolment.Id}", enrolled.Headers.Location?.OriginalString);
        Assert.Equal(Date(2025, 3, 3), enrolment.Milestones.ContactedOn);
        Assert.Equal(coach.Id, Assert.Single(enrolment.Assignments, a => a.Role == AssignmentRole.Coach).StaffId);

        // A bridge-builder who speaks the participant's language is suggested first; the one who made the
        // contact was assigned at enrolment already, so assigning them again changes nothing (200, not 201).
        var suggestions = await (await client.GetAsync($"/api/v1/enrolments/{enrolment.Id}/assignment-suggestions?role=BridgeBuilder"))
            .ReadAsync<List<AssignmentSuggestion>>();
        Assert.Equal([bridgeBuilder.Id, otherBridgeBuilder.Id], suggestions.Select(s => s.StaffId));
        Assert.Equal(["ar"], suggestions[0].SharedLanguages);
        var assignment = await (await client.PostJsonAsync($"/api/v1/enrolments/{enrolment.Id}/assignments",
            new { staffId = suggestions[0].StaffId, role = "BridgeBuilder" })).ReadAsync<AssignmentResponse>(HttpStatusCode.OK);
        Assert.Equal(Date(2025, 3, 10), assignment.StartedOn);

        // The plan, and the activities that follow it.
        var step = await (await client.PostJsonAsync($"/api/v1/enrolments/{enrolment.Id}/plan-steps",
            new { title = "Praktik inom vården", owner = "Nesrin och coachen", dueOn = "2025-05-30" })).ReadAsync<PlanStepResponse>(HttpStatusCode.Created);
        Assert.Equal(PlanStepStatus.Planned, step.Status);
        client = await DayAsync(Date(2025, 3, 12), coach);
        await (await client.PostJsonAsync($"/api/v1/enrolments/{enrolment.Id}/activities",
            new { kind = "Meeting", occurredOn = "2025-03-12", language = "ar" })).ReadAsync<ActivityResponse>(HttpStatusCode.Created);
        client = await DayAsync(Date(2025, 4, 7), coach);
        var internship = await (await client.PostJsonAsync($"/api/v1/enrolments/{enrolment.Id}/activities",
            new { kind = "Internship", occurredOn = "2025-04-07", endsOn = "2025-05-30", employerName = "Helsingborgs lasarett", supervisor = "Eva" }))
            .ReadAsync<ActivityResponse>(HttpStatusCode.Created);
        Assert.Equal("Helsingborgs lasarett", internship.EmployerName);
        var done = await (await client.PutJsonAsync($"/api/v1/plan-steps/{step.Id}",
            new { step.Title, step.Owner, step.DueOn, status = "Done", step.Version })).ReadAsync<PlanStepResponse>();
        Assert.Equal(PlanStepStatus.Done, done.Status);

        // The internship turns into a job, and the participant leaves the project.
        client = await DayAsync(Date(2025, 6, 13), coach);
        await (await client.PostJsonAsync($"/api/v1/enrolments/{enrolment.Id}/outcomes",
            new { kind = "Employment", startedOn = "2025-06-02", employerName = "Helsingborgs lasarett", employmentType = "FixedTerm", hoursPerWeek = 40 }))
            .ReadAsync<OutcomeResponse>(HttpStatusCode.Created);
        var current = await (await client.GetAsync($"/api/v1/enrolments/{enrolment.Id}")).ReadAsync<EnrolmentResponse>();
        var exited = await (await client.PostJsonAsync($"/api/v1/enrolments/{enrolment.Id}/exit",
            new { exitedOn = "2025-06-13", reason = "Employed", current.Version })).ReadAsync<EnrolmentResponse>();
        Assert.Equal(Date(2025, 6, 13), exited.ExitedOn);
        Assert.Equal(ExitReason.Employed, exited.ExitReason);

        // Both follow-ups are scheduled: exit + 28 days and exit + 6 months.
        var followUps = await (await client.GetAsync($"/api/v1/enrolments/{enrolment.Id}/follow-ups")).ReadAsync<List<FollowUpResponse>>();
        Assert.Equal([(FollowUpKind.FourWeeks, Date(2025, 7, 11)), (FollowUpKind.SixMonths, Date(2025, 12, 12))], followUps.Select(f => (f.Kind, f.DueOn)));
        Assert.All(followUps, f => Assert.False(f.Overdue));

        // Six months on, the six-month follow-up is recorded.
        client = await DayAsync(Date(2025, 12, 15), coach);
        var sixMonths = followUps[1];
        var recorded = await (await client.PutJsonAsync($"/api/v1/follow-ups/{sixMonths.Id}",
            new { recordedOn = "2025-12-15", status = "Employed", sameEmployer = true, contactMethod = "Phone", sixMonths.Version })).ReadAsync<FollowUpResponse>();
        Assert.Equal(FollowUpStatus.Employed, recorded.Status);
        Assert.True((await (await client.GetAsync($"/api/v1/follow-ups/{followUps[0].Id}")).ReadAsync<FollowUpResponse>()).Overdue);

        var final = await (await client.GetAsync($"/api/v1/enrolments/{enrolment.Id}")).ReadAsync<EnrolmentResponse>();
        Assert.Equal(new Milestones(ContactedOn: Date(2025, 3, 3), EnrolledOn: Date(2025, 3, 10), MappedOn: null, FirstActivityOn: Date(2025, 3, 12),
            FirstInternshipOn: Date(2025, 4, 7), FirstJobOn: Date(2025, 6, 2), FirstStudiesOn: null, ExitedOn: Date(2025, 6, 13),
            FollowUp6mOn: Date(2025, 12, 15), FollowUp6mStatus: FollowUpStatus.Employed), final.Milestones);
        Assert.Equal([(AssignmentRole.Coach, coach.Id), (AssignmentRole.BridgeBuilder, bridgeBuilder.Id)],
            final.Assignments.Where(a => a.EndedOn is null).Select(a => (a.Role, a.StaffId)).Order());

        // The participant, with the identity number decrypted; the read is audited.
        var participant = await (await client.GetAsync($"/api/v1/participants/{contact.PersonId}")).ReadAsync<ParticipantResponse>();
        Assert.Equal("19820319-2383", participant.IdentityNumber);
        Assert.Equal(Date(1982, 3, 19), participant.BirthDate);
        Assert.Equal(["ar", "sv"], participant.Languages);
        Assert.Equal(enrolment.Id, Assert.Single(participant.Enrolments).Id);
        var audit = await _app.WithDbAsync((db, _) => db.AuditEvents.Where(a => a.EntityId == contact.PersonId && a.UserId == coach.Id).Select(a => a.Action).ToListAsync());
        Assert.Contains(AuditAction.Create, audit);
        Assert.Contains(AuditAction.Read, audit);
    }

    [Fact]
    public async Task A_participant_who_comes_back_keeps_the_enrolment_and_its_start_date()
    {
        Today(Date(2025, 9, 1));
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var enrolment = await _app.CreateParticipantAsync(project, coach, enrolledOn: Date(2025, 3, 1));
        var client = await _app.ApiClientAsync(coach);
        var read = await (await client.GetAsync($"/api/v1/enrolments/{enrolment.Id}")).ReadAsync<EnrolmentResponse>();
        await (await client.PostJsonAsync($"/api/v1/enrolments/{enrolment.Id}/exit", new { exitedOn = "2025-05-01", reason = "Moved", read.Version }))
            .ReadAsync<EnrolmentResponse>();

        var back = await (await client.PostJsonAsync($"/api/v1/participants/{enrolment.PersonId}/enrolments",
            new { projectId = project.Id, enrolledOn = "2025-08-15", statusAtEntry = "Unemployed" })).ReadAsync<EnrolmentResponse>(HttpStatusCode.OK);

        Assert.Equal(enrolment.Id, back.Id);
        Assert.Equal(Date(2025, 3, 1), back.EnrolledOn);
        Assert.Null(back.ExitedOn);
        Assert.Empty(await (await client.GetAsync($"/api/v1/enrolments/{enrolment.Id}/follow-ups")).ReadAsync<List<FollowUpResponse>>());
    }
}

public sealed class SqliteJourneyApiTests(SqliteApp app) : JourneyApiTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresJourneyApiTests(PostgresApp app) : JourneyApiTests<PostgresApp>(app);
