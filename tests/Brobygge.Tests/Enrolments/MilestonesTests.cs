using Brobygge.Activities;
using Brobygge.Auditing;
using Brobygge.Data;
using Brobygge.Enrolments;
using Brobygge.FollowUps;
using Brobygge.Outcomes;
using Brobygge.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Tests.Enrolments;

/// <summary>Reports read one row per enrolment, so its milestone dates must follow every change to the records.</summary>
public abstract class MilestonesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = app.Available();

    private Task<Enrolment> ReloadAsync(Guid id) => _app.WithDbAsync((db, _) => db.Enrolments.AsNoTracking().SingleAsync(e => e.Id == id));

    [Fact]
    public async Task Activities_and_outcomes_set_the_first_dates_in_the_same_save()
    {
        var project = await _app.CreateProjectAsync();
        var enrolment = await _app.CreateParticipantAsync(project, enrolledOn: new DateOnly(2025, 1, 10));
        await _app.WithDbAsync(async db =>
        {
            db.Activities.AddRange(
                new Activity { OrganisationId = project.OrganisationId, EnrolmentId = enrolment.Id, Kind = ActivityKind.Meeting, OccurredOn = new DateOnly(2025, 2, 1) },
                new Activity { OrganisationId = project.OrganisationId, EnrolmentId = enrolment.Id, Kind = ActivityKind.Meeting, OccurredOn = new DateOnly(2025, 1, 20) },
                new Activity { OrganisationId = project.OrganisationId, EnrolmentId = enrolment.Id, Kind = ActivityKind.Internship, OccurredOn = new DateOnly(2025, 3, 3), EndsOn = new DateOnly(2025, 5, 1), EmployerName = "ICA" });
            db.Outcomes.AddRange(
                new Outcome { OrganisationId = project.OrganisationId, EnrolmentId = enrolment.Id, Kind = OutcomeKind.Employment, StartedOn = new DateOnly(2025, 5, 2), EmploymentType = EmploymentType.FixedTerm },
                new Outcome { OrganisationId = project.OrganisationId, EnrolmentId = enrolment.Id, Kind = OutcomeKind.Studies, StartedOn = new DateOnly(2025, 8, 18), StudiesType = StudiesType.Komvux });
            await db.SaveChangesAsync();
        });

        var saved = await ReloadAsync(enrolment.Id);
        Assert.Equal(new DateOnly(2025, 1, 20), saved.FirstActivityOn);
        Assert.Equal(new DateOnly(2025, 3, 3), saved.FirstInternshipOn);
        Assert.Equal(new DateOnly(2025, 5, 2), saved.FirstJobOn);
        Assert.Equal(new DateOnly(2025, 8, 18), saved.FirstStudiesOn);
    }

    [Fact]
    public async Task Removing_or_moving_the_record_moves_the_milestone()
    {
        var project = await _app.CreateProjectAsync();
        var enrolment = await _app.CreateParticipantAsync(project, enrolledOn: new DateOnly(2025, 1, 10));
        var internship = new Activity { OrganisationId = project.OrganisationId, EnrolmentId = enrolment.Id, Kind = ActivityKind.Internship, OccurredOn = new DateOnly(2025, 3, 3) };
        await _app.WithDbAsync(async db => { db.Activities.Add(internship); await db.SaveChangesAsync(); });

        await _app.WithDbAsync(async db =>
        {
            (await db.Activities.SingleAsync(a => a.Id == internship.Id)).OccurredOn = new DateOnly(2025, 4, 7);
            await db.SaveChangesAsync();
        });
        Assert.Equal(new DateOnly(2025, 4, 7), (await ReloadAsync(enrolment.Id)).FirstInternshipOn);

        await _app.WithDbAsync(async db =>
        {
            (await db.Activities.SingleAsync(a => a.Id == internship.Id)).Remove("Entered for the wrong participant.");
            await db.SaveChangesAsync();
        });
        var after = await ReloadAsync(enrolment.Id);
        Assert.Null(after.FirstInternshipOn);
        Assert.Null(after.FirstActivityOn);
    }

    [Fact]
    public async Task Exit_schedules_follow_ups_and_the_recorded_six_month_follow_up_reaches_the_enrolment()
    {
        var project = await _app.CreateProjectAsync();
        var created = await _app.CreateParticipantAsync(project, enrolledOn: new DateOnly(2025, 1, 10));
        await _app.WithDbAsync(async db =>
        {
            var enrolment = await db.Enrolments.Include(e => e.FollowUps).Include(e => e.Periods).SingleAsync(e => e.Id == created.Id);
            enrolment.Exit(new DateOnly(2025, 9, 30), ExitReason.Employed);
            await db.SaveChangesAsync();
        });
        await _app.WithDbAsync(async db =>
        {
            var sixMonths = await db.FollowUps.SingleAsync(f => f.EnrolmentId == created.Id && f.Kind == FollowUpKind.SixMonths);
            Assert.Equal(new DateOnly(2026, 3, 30), sixMonths.DueOn);
            sixMonths.RecordedOn = new DateOnly(2026, 4, 2);
            sixMonths.Status = FollowUpStatus.Employed;
            sixMonths.SameEmployer = true;
            await db.SaveChangesAsync();
        });

        var saved = await ReloadAsync(created.Id);
        Assert.Equal(new DateOnly(2025, 9, 30), saved.ExitedOn);
        Assert.Equal(new DateOnly(2026, 4, 2), saved.FollowUp6mOn);
        Assert.Equal(FollowUpStatus.Employed, saved.FollowUp6mStatus);
        Assert.Equal(2, await _app.WithDbAsync((db, _) => db.FollowUps.CountAsync(f => f.EnrolmentId == created.Id)));
    }

    [Fact]
    public async Task The_audit_log_refuses_changes_and_deletions()
    {
        var project = await _app.CreateProjectAsync();
        var enrolment = await _app.CreateParticipantAsync(project);

        await _app.WithDbAsync(async db =>
        {
            var logged = await db.AuditEvents.FirstAsync(a => a.EntityId == enrolment.PersonId);
            logged.Source = "tampered";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();
            db.AuditEvents.Remove(await db.AuditEvents.FirstAsync(a => a.EntityId == enrolment.PersonId));
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        });
        Assert.Contains(await _app.WithDbAsync((db, _) => db.AuditEvents.Where(a => a.EntityId == enrolment.PersonId).ToListAsync()),
            a => a.Action == AuditAction.Create && a.Source != "tampered");
    }
}

public sealed class SqliteMilestonesTests(SqliteApp app) : MilestonesTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresMilestonesTests(PostgresApp app) : MilestonesTests<PostgresApp>(app);
