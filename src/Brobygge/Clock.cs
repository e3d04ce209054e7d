namespace Brobygge;

public static class Clock
{
    private static readonly TimeZoneInfo Sweden = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    /// <summary>Today as people in the projects write it: the Swedish calendar date, whatever the server's zone
    /// (a UTC date would call today's exit "in the future" between midnight and 01:00 or 02:00).</summary>
    public static DateOnly Today(this TimeProvider time) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Sweden).DateTime);
}
