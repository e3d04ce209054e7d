namespace Brobygge.Calendar;

/// <summary>
/// Swedish public holidays (helgdagar, Lag (1989:253) om allmänna helgdagar) and the days that are not working days in
/// practice: Saturdays and Sundays, and midsummer, Christmas and New Year's eve, which the Annual Leave Act and almost
/// every collective agreement treat as Sundays. Computed, so no list runs out in some future year.
/// </summary>
public static class SwedishHolidays
{
    /// <summary>The public holidays of a year with their Swedish names, in date order, eves included.</summary>
    public static IReadOnlyList<(DateOnly Date, string Name)> Of(int year)
    {
        var easter = EasterSunday(year);
        var midsummerEve = FirstOnOrAfter(new DateOnly(year, 6, 19), DayOfWeek.Friday);
        return new (DateOnly, string)[]
        {
            (new DateOnly(year, 1, 1), "Nyårsdagen"),
            (new DateOnly(year, 1, 6), "Trettondedag jul"),
            (easter.AddDays(-2), "Långfredagen"),
            (easter, "Påskdagen"),
            (easter.AddDays(1), "Annandag påsk"),
            (new DateOnly(year, 5, 1), "Första maj"),
            (easter.AddDays(39), "Kristi himmelsfärdsdag"),
            (easter.AddDays(49), "Pingstdagen"),
            (new DateOnly(year, 6, 6), "Sveriges nationaldag"),
            (midsummerEve, "Midsommarafton"),
            (midsummerEve.AddDays(1), "Midsommardagen"),
            (FirstOnOrAfter(new DateOnly(year, 10, 31), DayOfWeek.Saturday), "Alla helgons dag"),
            (new DateOnly(year, 12, 24), "Julafton"),
            (new DateOnly(year, 12, 25), "Juldagen"),
            (new DateOnly(year, 12, 26), "Annandag jul"),
            (new DateOnly(year, 12, 31), "Nyårsafton"),
        }.OrderBy(h => h.Item1).ToList();
    }

    public static bool IsHoliday(DateOnly date) => Of(date.Year).Any(h => h.Date == date);

    public static bool IsWorkingDay(DateOnly date)
        => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsHoliday(date);

    /// <summary>The working day nearest to <paramref name="date"/> inside <paramref name="from"/>–<paramref name="to"/>
    /// (both included), the earlier of two as near; the date itself when the range holds no working day.</summary>
    public static DateOnly NearestWorkingDay(DateOnly date, DateOnly from, DateOnly to)
    {
        for (var distance = 0; distance <= 31; distance++)
        {
            foreach (var candidate in new[] { date.AddDays(-distance), date.AddDays(distance) })
                if (candidate >= from && candidate <= to && IsWorkingDay(candidate))
                    return candidate;
        }
        return date;
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher").</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = (19 * a + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + 2 * e + 2 * i - h - k) % 7;
        var m = (a + 11 * h + 22 * l) / 451;
        var month = (h + l - 7 * m + 114) / 31;
        var day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }

    private static DateOnly FirstOnOrAfter(DateOnly date, DayOfWeek day)
        => date.AddDays(((int)day - (int)date.DayOfWeek + 7) % 7);
}
