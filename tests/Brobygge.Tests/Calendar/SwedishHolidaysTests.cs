using Brobygge.Calendar;
using Brobygge.FollowUps;

namespace Brobygge.Tests.Calendar;

/// <summary>Swedish public holidays computed, checked against the almanac of known years.</summary>
public sealed class SwedishHolidaysTests
{
    [Theory]
    [InlineData(1818, 3, 22)] // the earliest possible
    [InlineData(1943, 4, 25)] // the latest possible
    [InlineData(2019, 4, 21)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)]
    public void Easter_sunday_falls_where_the_almanac_has_it(int year, int month, int day)
        => Assert.Equal(new DateOnly(year, month, day), SwedishHolidays.EasterSunday(year));

    [Fact]
    public void The_holidays_of_2025_are_the_almanacs()
    {
        var holidays = SwedishHolidays.Of(2025).ToDictionary(h => h.Name, h => h.Date);

        Assert.Equal(new DateOnly(2025, 4, 18), holidays["Långfredagen"]);
        Assert.Equal(new DateOnly(2025, 4, 21), holidays["Annandag påsk"]);
        Assert.Equal(new DateOnly(2025, 5, 29), holidays["Kristi himmelsfärdsdag"]);
        Assert.Equal(new DateOnly(2025, 6, 8), holidays["Pingstdagen"]);
        Assert.Equal(new DateOnly(2025, 6, 20), holidays["Midsommarafton"]);
        Assert.Equal(new DateOnly(2025, 6, 21), holidays["Midsommardagen"]);
        Assert.Equal(new DateOnly(2025, 11, 1), holidays["Alla helgons dag"]);
        Assert.Equal(16, holidays.Count);
    }

    [Theory]
    [InlineData(2026, 6, 19, 6, 20, 10, 31)]
    [InlineData(2027, 6, 25, 6, 26, 11, 6)]
    [InlineData(2030, 6, 21, 6, 22, 11, 2)]
    public void Midsummer_and_all_saints_move_with_the_weekday(int year, int eveMonth, int eveDay, int dayMonth, int dayDay, int saintsMonth, int saintsDay)
    {
        var holidays = SwedishHolidays.Of(year).ToDictionary(h => h.Name, h => h.Date);

        Assert.Equal(new DateOnly(year, eveMonth, eveDay), holidays["Midsommarafton"]);
        Assert.Equal(new DateOnly(year, dayMonth, dayDay), holidays["Midsommardagen"]);
        Assert.Equal(new DateOnly(year, saintsMonth, saintsDay), holidays["Alla helgons dag"]);
    }

    [Fact]
    public void A_weekday_that_is_no_holiday_is_a_working_day_and_national_day_is_not()
    {
        Assert.True(SwedishHolidays.IsWorkingDay(new DateOnly(2025, 6, 5)));
        Assert.False(SwedishHolidays.IsWorkingDay(new DateOnly(2025, 6, 6)));
        Assert.False(SwedishHolidays.IsWorkingDay(new DateOnly(2025, 6, 7)));
    }

    [Fact]
    public void Christmas_day_moves_back_to_the_last_working_day_before_the_holidays()
        => Assert.Equal(new DateOnly(2025, 12, 23), SwedishHolidays.NearestWorkingDay(new DateOnly(2025, 12, 25), new DateOnly(2025, 11, 1), new DateOnly(2026, 1, 31)));

    [Fact]
    public void A_saturday_moves_to_the_friday_but_stays_inside_the_window()
    {
        var saturday = new DateOnly(2025, 3, 29);

        Assert.Equal(new DateOnly(2025, 3, 28), SwedishHolidays.NearestWorkingDay(saturday, new DateOnly(2025, 3, 1), new DateOnly(2025, 4, 30)));
        Assert.Equal(new DateOnly(2025, 3, 31), SwedishHolidays.NearestWorkingDay(saturday, new DateOnly(2025, 3, 29), new DateOnly(2025, 4, 30)));
    }

    [Fact]
    public void The_four_week_follow_up_of_an_exit_four_weeks_before_christmas_falls_due_before_christmas()
    {
        Assert.Equal(new DateOnly(2025, 12, 25), new DateOnly(2025, 11, 27).AddDays(28));
        Assert.Equal(new DateOnly(2025, 12, 23), FollowUp.DueAfterExit(FollowUpKind.FourWeeks, new DateOnly(2025, 11, 27)));
    }

    [Fact]
    public void A_six_month_follow_up_on_a_sunday_moves_to_the_monday()
    {
        // 2025-07-06 is a Sunday; Friday the 4th is two days away, Monday the 7th one.
        Assert.Equal(new DateOnly(2025, 7, 7), FollowUp.DueAfterExit(FollowUpKind.SixMonths, new DateOnly(2025, 1, 6)));
    }
}
