using Parasol.Core.Deadlines;

namespace Parasol.Core.Tests.Deadlines;

public class KpaCalendarTests
{
    [Theory]
    [InlineData("2026-03-02", 7, "2026-03-09")] // the day of the event is not counted
    [InlineData("2026-03-06", 7, "2026-03-13")]
    [InlineData("2025-04-14", 7, "2025-04-22")] // ends on Easter Monday → Tuesday
    [InlineData("2026-05-26", 14, "2026-06-09")]
    [InlineData("2026-05-21", 14, "2026-06-05")] // ends on Corpus Christi (4 June 2026) → Friday
    [InlineData("2025-12-17", 7, "2025-12-29")] // 24 Dec (holiday from 2025), 25, 26 Dec, then the weekend
    [InlineData("2026-12-10", 14, "2026-12-28")] // 24 December 2026 → 25, 26, 27 → Monday 28
    [InlineData("2027-03-15", 14, "2027-03-30")] // ends on Easter Monday 2027 → Tuesday
    [InlineData("2027-05-13", 14, "2027-05-28")] // ends on Corpus Christi 2027 → Friday
    [InlineData("2026-10-28", 14, "2026-11-12")] // ends on 11 November → 12th
    public void Days_limits_skip_weekends_and_holidays_at_the_end(string eventDay, int days, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), KpaCalendar.AddDays(DateOnly.Parse(eventDay), days));

    [Theory]
    [InlineData("2026-01-31", 1, "2026-03-02")] // no 31 February → the 28th, a Saturday → Monday
    [InlineData("2025-01-31", 1, "2025-02-28")] // Friday
    [InlineData("2027-01-29", 1, "2027-03-01")] // no 29 February 2027 → 28th is Sunday → Monday 1 March
    [InlineData("2028-01-31", 1, "2028-02-29")] // leap year
    [InlineData("2026-03-15", 1, "2026-04-15")]
    [InlineData("2026-03-05", 1, "2026-04-07")] // 5 April 2026 is Easter Sunday, 6th Easter Monday
    [InlineData("2025-11-24", 1, "2025-12-29")] // 24 December → … → Monday 29th
    [InlineData("2026-08-31", 2, "2026-11-02")] // Saturday 31 October, then All Saints' Day on Sunday → Monday
    public void Month_limits_end_on_the_same_day_or_the_months_last(string eventDay, int months, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), KpaCalendar.AddMonths(DateOnly.Parse(eventDay), months));

    [Theory]
    [InlineData("2026-04-02", 2, "2026-04-07")] // Good Friday is a working day; Easter Monday is not
    [InlineData("2025-12-22", 2, "2025-12-29")] // 23rd, then 24-26 holidays, weekend → 29th
    [InlineData("2027-06-25", 2, "2027-06-29")]
    public void Working_days_skip_every_non_working_day(string eventDay, int days, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), KpaCalendar.AddWorkingDays(DateOnly.Parse(eventDay), days));
}
