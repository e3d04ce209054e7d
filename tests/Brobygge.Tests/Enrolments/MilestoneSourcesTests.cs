using System.Net;
using Brobygge.Activities;
using Brobygge.Contacts;
using Brobygge.Enrolments;
using Brobygge.FollowUps;
using Brobygge.Identity;
using Brobygge.Tests.Api;
using Brobygge.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Tests.Enrolments;

/// <summary>
/// The milestones follow every record they come from, wherever it moves, and no record dates a milestone before the
/// participation began: activities and results not before the enrolment, contacts not before the project.
/// </summary>
public abstract class MilestoneSourcesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = Available(app);

    private static TApp Available(TApp app)
    {
        app.SkipIfUnavailable();
        return app;
    }

    private static DateOnly Date(int year, int month, int day) => new(year, month, day);

    [Fact]
    public async Task A_record_moved_to_another_enrolment_leaves_the_first_without_its_milestone()
    {
        var project = await _app.CreateProjectAsync();
        var from = await _app.CreateParticipantAsync(project, enrolledOn: Date(2025, 1, 10));
        var to = await _app.CreateParticipantAsync(project, enrolledOn: Date(2025, 1, 10));
        var internship = new Activity { OrganisationId = project.OrganisationId, EnrolmentId = from.Id, Kind = ActivityKind.Internship, OccurredOn = Date(2025, 3, 3), EmployerName = "ICA" };
        await _app.WithDbAsync(async db => { db.Activities.Add(internship); await db.SaveChangesAsync(); });

        await _app.WithDbAsync(async db =>
        {
            (await db.Activities.SingleAsync(a => a.Id == internship.Id)).EnrolmentId = to.Id;
            await db.SaveChangesAsync();
        });

        var (old, moved) = await _app.WithDbAsync(async (db, _) => (
            await db.Enrolments.AsNoTracking().SingleAsync(e => e.Id == from.Id), await db.Enrolments.AsNoTracking().SingleAsync(e => e.Id == to.Id)));
        Assert.Null(old.FirstInternshipOn);
        Assert.Null(old.FirstActivityOn);
        Assert.Equal(Date(2025, 3, 3), moved.FirstInternshipOn);
    }

    [Fact]
    public async Task A_contact_registered_after_the_enrolment_moves_the_contacted_date()
    {
        var project = await _app.CreateProjectAsync();
        var enrolment = await _app.CreateParticipantAsync(project, enrolledOn: Date(2025, 3, 1));

        await _app.WithDbAsync(async db =>
        {
            db.Contacts.Add(new Contact { OrganisationId = project.OrganisationId, PersonId = enrolment.PersonId, ProjectId = project.Id, ContactedOn = Date(2025, 2, 10), EnrolledOn = enrolment.EnrolledOn });
            await db.SaveChangesAsync();
        });
        Assert.Equal(Date(2025, 2, 10), (await _app.WithDbAsync((db, _) => db.Enrolments.AsNoTracking().SingleAsync(e => e.Id == enrolment.Id))).ContactedOn);

        await _app.WithDbAsync(async db =>
        {
            db.Contacts.Add(new Contact { OrganisationId = project.OrganisationId, PersonId = enrolment.PersonId, ProjectId = project.Id, ContactedOn = Date(2025, 1, 20), EnrolledOn = enrolment.EnrolledOn });
            await db.SaveChangesAsync();
        });
        Assert.Equal(Date(2025, 1, 20), (await _app.WithDbAsync((db, _) => db.Enrolments.AsNoTracking().SingleAsync(e => e.Id == enrolment.Id))).ContactedOn);
    }

    [Fact]
    public async Task Two_six_month_follow_ups_recorded_on_one_day_give_the_status_of_the_later_record()
    {
        var project = await _app.CreateProjectAsync();
        var created = await _app.CreateParticipantAsync(project, enrolledOn: Date(2025, 1, 10));
        await _app.WithDbAsync(async db =>
        {
            var enrolment = await db.Enrolments.Include(e => e.FollowUps).Include(e => e.Periods).SingleAsync(e => e.Id == created.Id);
            enrolment.Exit(Date(2025, 3, 1), ExitReason.Employed);
            var scheduled = enrolment.FollowUps.Single(f => f.Kind == FollowUpKind.SixMonths);
            (scheduled.RecordedOn, scheduled.Status, scheduled.SameEmployer, scheduled.ContactMethod) = (Date(2025, 9, 1), FollowUpStatus.Employed, true, ContactMethod.Phone);
            await db.SaveChangesAsync();
        });
        var periodId = await _app.WithDbAsync((db, _) => db.ParticipationPeriods.Where(p => p.EnrolmentId == created.Id).Select(p => p.Id).SingleAsync());

        // The later record by id, on the same day: the highest id there can be, whatever the database compares.
        await _app.WithDbAsync(async db =>
        {
            db.FollowUps.Add(new FollowUp
            {
                Id = Guid.Parse("ffffffff-ffff-7fff-bfff-ffffffffffff"), OrganisationId = project.OrganisationId, EnrolmentId = created.Id, PeriodId = periodId,
                Kind = FollowUpKind.SixMonths, DueOn = Date(2025, 9, 1), RecordedOn = Date(2025, 9, 1), Status = FollowUpStatus.NotEmployed, ContactMethod = ContactMethod.Phone,
            });
            await db.SaveChangesAsync();
        });

        var saved = await _app.WithDbAsync((db, _) => db.Enrolments.AsNoTracking().SingleAsync(e => e.Id == created.Id));
        Assert.Equal(Date(2025, 9, 1), saved.FollowUp6mOn);
        Assert.Equal(FollowUpStatus.NotEmployed, saved.FollowUp6mStatus);
    }

    [Fact]
    public async Task An_activity_before_the_enrolment_is_refused_even_after_a_contact()
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var enrolment = await _app.CreateParticipantAsync(project, coach, enrolledOn: Date(2025, 3, 1));
        await _app.WithDbAsync(async db =>
        {
            db.Contacts.Add(new Contact { OrganisationId = project.OrganisationId, PersonId = enrolment.PersonId, ProjectId = project.Id, ContactedOn = Date(2025, 2, 1), EnrolledOn = enrolment.EnrolledOn });
            (await db.Enrolments.SingleAsync(e => e.Id == enrolment.Id)).ContactedOn = Date(2025, 2, 1);
            await db.SaveChangesAsync();
        });
        var client = await _app.ApiClientAsync(coach);

        var response = await client.PostJsonAsync($"/api/v1/enrolments/{enrolment.Id}/activities", new { kind = "Meeting", occurredOn = "2025-02-15" });

        Assert.Equal(["occurredOn"], (await response.ValidationErrorsAsync()).Keys);
        Assert.Equal(0, await _app.WithDbAsync((db, _) => db.Activities.CountAsync(a => a.EnrolmentId == enrolment.Id)));
    }

    [Fact]
    public async Task A_contact_before_the_project_started_is_refused_naming_the_date()
    {
        var project = await _app.CreateProjectAsync();
        var client = await _app.ApiClientAsync(await _app.CreateUserAsync(Roles.ProjectManager, project));

        var response = await client.PostJsonAsync("/api/v1/contacts", new
        {
            person = new { firstName = "Tidig", lastName = "Kontakt", gender = "Man", birthDate = "1990-01-01" },
            projectId = project.Id, contactedOn = project.StartsOn.AddDays(-1),
        });

        Assert.Equal(["contactedOn"], (await response.ValidationErrorsAsync()).Keys);
        Assert.Equal(0, await _app.WithDbAsync((db, _) => db.Contacts.CountAsync(c => c.ProjectId == project.Id)));
    }

    [Fact]
    public async Task A_contact_dated_year_one_is_refused_by_the_contact_rules_themselves()
    {
        var project = await _app.CreateProjectAsync();
        var problems = new Problems();

        await _app.WithDbAsync(db => ContactOperations.CheckAsync(db, new ContactInput { ProjectId = project.Id, ContactedOn = DateOnly.MinValue }, Date(2025, 6, 1), problems, CancellationToken.None));

        Assert.Equal([nameof(ContactInput.ContactedOn)], problems.ByField.Keys);
    }
}

public sealed class SqliteMilestoneSourcesTests(SqliteApp app) : MilestoneSourcesTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresMilestoneSourcesTests(PostgresApp app) : MilestoneSourcesTests<PostgresApp>(app);
