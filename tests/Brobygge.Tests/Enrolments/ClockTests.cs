namespace Brobygge.Tests.Enrolments;

public sealed class ClockTests
{
    private sealed class At(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Theory]
    [InlineData("2026-06-30T22:30:00Z", "2026-07-01")] // summer time: UTC+2
    [InlineData("2026-12-31T22:59:00Z", "2026-12-31")] // winter time: UTC+1
    [InlineData("2026-12-31T23:00:00Z", "2027-01-01")]
    public void Today_is_the_swedish_calendar_date(string utc, string expected)
        => Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), new At(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)).Today());
}
