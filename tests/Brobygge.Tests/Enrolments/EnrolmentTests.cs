using Brobygge.Enrolments;
using Brobygge.FollowUps;

namespace Brobygge.Tests.Enrolments;

public class EnrolmentTests
{
    private static readonly DateOnly EnrolledOn = new(2025, 3, 1);

    private static Enrolment Enrolled(DateOnly? on = null) => new()
    {
        OrganisationId = Guid.NewGuid(), ProjectId = Guid.NewGuid(), PersonId = Guid.NewGuid(),
        Reference = "R-1", EnrolledOn = on ?? EnrolledOn, StatusAtEntry = LabourStatusAtEntry.LongTermUnemployed,
    };

    private static DateOnly Date(string value) => DateOnly.ParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static DateOnly DueOn(Enrolment enrolment, FollowUpKind kind)
        => Assert.Single(enrolment.FollowUps, f => f.Kind == kind && f.RecordedOn is null).DueOn;

    [Fact]
    public void Exit_schedules_follow_ups_at_four_weeks_and_six_months()
    {
        var enrolment = Enrolled();

        enrolment.Exit(new DateOnly(2026, 3, 10), ExitReason.Employed);

        Assert.Equal(new DateOnly(2026, 3, 10), enrolment.ExitedOn);
        Assert.Equal(ExitReason.Employed, enrolment.ExitReason);
        Assert.Equal(2, enrolment.FollowUps.Count);
        Assert.Equal(new DateOnly(2026, 4, 7), DueOn(enrolment, FollowUpKind.FourWeeks));
        Assert.Equal(new DateOnly(2026, 9, 10), DueOn(enrolment, FollowUpKind.SixMonths));
        Assert.All(enrolment.FollowUps, f =>
        {
            Assert.Equal(enrolment.Id, f.EnrolmentId);
            Assert.Equal(enrolment.OrganisationId, f.OrganisationId);
            Assert.Null(f.RecordedOn);
            Assert.Null(f.Status);
        });
    }

    [Theory]
    [InlineData("2026-08-31", "2026-09-28", "2027-03-01")] // 28 February 2027 is a Sunday: the Monday is nearer than the Friday
    [InlineData("2027-08-31", "2027-09-28", "2028-02-29")]
    [InlineData("2026-03-31", "2026-04-28", "2026-09-30")]
    [InlineData("2026-12-15", "2027-01-12", "2027-06-15")]
    [InlineData("2026-02-01", "2026-03-02", "2026-07-31")] // a Sunday and a Saturday move to the nearest working day
    public void Four_weeks_is_28_days_and_six_months_is_six_calendar_months_ending_at_the_month_end(string exit, string fourWeeks, string sixMonths)
    {
        var enrolment = Enrolled();

        enrolment.Exit(Date(exit), ExitReason.Completed);

        Assert.Equal(Date(fourWeeks), DueOn(enrolment, FollowUpKind.FourWeeks));
        Assert.Equal(Date(sixMonths), DueOn(enrolment, FollowUpKind.SixMonths));
    }

    [Fact]
    public void An_exit_before_the_enrolment_date_is_refused_and_changes_nothing()
    {
        var enrolment = Enrolled();

        Assert.Throws<ArgumentOutOfRangeException>(() => enrolment.Exit(EnrolledOn.AddDays(-1), ExitReason.Moved));

        Assert.Null(enrolment.ExitedOn);
        Assert.Null(enrolment.ExitReason);
        Assert.Empty(enrolment.FollowUps);
    }

    [Fact]
    public void An_exit_on_the_enrolment_day_is_allowed()
    {
        var enrolment = Enrolled();

        enrolment.Exit(EnrolledOn, ExitReason.Discontinued);

        Assert.Equal(EnrolledOn, enrolment.ExitedOn);
        Assert.Equal(2, enrolment.FollowUps.Count);
    }

    [Fact]
    public void Re_entry_keeps_the_start_date_clears_the_exit_and_cancels_follow_ups_not_yet_made()
    {
        var enrolment = Enrolled();
        enrolment.Exit(new DateOnly(2025, 9, 30), ExitReason.Employed);
        var fourWeeks = enrolment.FollowUps.Single(f => f.Kind == FollowUpKind.FourWeeks);
        fourWeeks.RecordedOn = new DateOnly(2025, 10, 28);
        fourWeeks.Status = FollowUpStatus.Employed;

        enrolment.ReEnter(new DateOnly(2025, 10, 15));

        Assert.Equal(EnrolledOn, enrolment.EnrolledOn);
        Assert.Null(enrolment.ExitedOn);
        Assert.Null(enrolment.ExitReason);
        Assert.Same(fourWeeks, Assert.Single(enrolment.FollowUps));
        Assert.Equal(FollowUpStatus.Employed, fourWeeks.Status);
    }

    [Fact]
    public void Exiting_again_after_re_entry_reschedules_from_the_new_exit_date_and_keeps_what_was_recorded()
    {
        var enrolment = Enrolled();
        enrolment.Exit(new DateOnly(2025, 6, 30), ExitReason.Employed);
        var recorded = enrolment.FollowUps.Single(f => f.Kind == FollowUpKind.FourWeeks);
        recorded.RecordedOn = new DateOnly(2025, 7, 28);
        recorded.Status = FollowUpStatus.NotEmployed;
        enrolment.ReEnter(new DateOnly(2025, 8, 1));

        enrolment.Exit(new DateOnly(2026, 1, 15), ExitReason.Studying);

        Assert.Equal(EnrolledOn, enrolment.EnrolledOn);
        Assert.Equal(new DateOnly(2026, 1, 15), enrolment.ExitedOn);
        Assert.Equal(ExitReason.Studying, enrolment.ExitReason);
        Assert.Equal(3, enrolment.FollowUps.Count);
        Assert.Contains(recorded, enrolment.FollowUps);
        Assert.Equal(new DateOnly(2026, 2, 12), DueOn(enrolment, FollowUpKind.FourWeeks));
        Assert.Equal(new DateOnly(2026, 7, 15), DueOn(enrolment, FollowUpKind.SixMonths));
    }

    [Fact]
    public void Correcting_the_exit_date_replaces_the_follow_ups_not_yet_made()
    {
        var enrolment = Enrolled();
        enrolment.Exit(new DateOnly(2025, 6, 30), ExitReason.Employed);

        enrolment.Exit(new DateOnly(2025, 7, 31), ExitReason.Employed);

        Assert.Equal(2, enrolment.FollowUps.Count);
        Assert.Equal(new DateOnly(2025, 8, 28), DueOn(enrolment, FollowUpKind.FourWeeks));
        Assert.Equal(new DateOnly(2026, 1, 30), DueOn(enrolment, FollowUpKind.SixMonths)); // the 31st is a Saturday
    }

    [Fact]
    public void Correcting_the_exit_date_keeps_a_follow_up_already_made_and_does_not_repeat_it()
    {
        var enrolment = Enrolled();
        enrolment.Exit(new DateOnly(2025, 6, 30), ExitReason.Employed);
        var fourWeeks = enrolment.FollowUps.Single(f => f.Kind == FollowUpKind.FourWeeks);
        fourWeeks.RecordedOn = new DateOnly(2025, 7, 28);
        fourWeeks.Status = FollowUpStatus.Employed;

        enrolment.Exit(new DateOnly(2025, 7, 3), ExitReason.Employed);

        Assert.Equal(2, enrolment.FollowUps.Count);
        Assert.Same(fourWeeks, enrolment.FollowUps.Single(f => f.Kind == FollowUpKind.FourWeeks));
        Assert.Equal(new DateOnly(2026, 1, 2), DueOn(enrolment, FollowUpKind.SixMonths)); // the 3rd is a Saturday
    }

    [Fact]
    public void A_follow_up_made_on_demand_is_left_alone_by_exit_and_re_entry()
    {
        var enrolment = Enrolled();
        var onDemand = new FollowUp { OrganisationId = enrolment.OrganisationId, EnrolmentId = enrolment.Id, Kind = FollowUpKind.OnDemand, DueOn = new DateOnly(2025, 5, 1) };
        enrolment.FollowUps.Add(onDemand);

        enrolment.Exit(new DateOnly(2025, 6, 30), ExitReason.Employed);
        Assert.Contains(onDemand, enrolment.FollowUps);
        enrolment.ReEnter(new DateOnly(2025, 8, 1));

        Assert.Same(onDemand, Assert.Single(enrolment.FollowUps));
    }

    [Fact]
    public void Only_the_scheduled_follow_ups_have_a_due_date_after_exit()
        => Assert.Throws<ArgumentOutOfRangeException>(() => FollowUp.DueAfterExit(FollowUpKind.OnDemand, new DateOnly(2026, 1, 1)));

    [Theory]
    [InlineData("2025-02-28", false)]
    [InlineData("2025-03-01", true)]
    [InlineData("2025-06-15", true)]
    [InlineData("2025-09-30", true)]
    [InlineData("2025-10-01", false)]
    public void An_exited_participant_is_active_from_the_enrolment_day_through_the_exit_day(string date, bool active)
    {
        var enrolment = Enrolled();
        enrolment.Exit(new DateOnly(2025, 9, 30), ExitReason.Completed);

        Assert.Equal(active, enrolment.IsActiveOn(Date(date)));
    }

    [Theory]
    [InlineData("2025-02-28", false)]
    [InlineData("2025-03-01", true)]
    [InlineData("2099-12-31", true)]
    public void A_participant_without_an_exit_is_active_from_the_enrolment_day_on(string date, bool active)
        => Assert.Equal(active, Enrolled().IsActiveOn(Date(date)));

    [Fact]
    public void A_re_entered_participant_is_active_again_after_the_old_exit_date()
    {
        var enrolment = Enrolled();
        enrolment.Exit(new DateOnly(2025, 9, 30), ExitReason.Moved);
        Assert.False(enrolment.IsActiveOn(new DateOnly(2026, 1, 1)));

        enrolment.ReEnter(new DateOnly(2025, 12, 1));

        Assert.True(enrolment.IsActiveOn(new DateOnly(2026, 1, 1)));
        Assert.False(enrolment.IsActiveOn(EnrolledOn.AddDays(-1)));
    }
}
