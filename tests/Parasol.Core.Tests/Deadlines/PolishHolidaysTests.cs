using Parasol.Core.Deadlines;

namespace Parasol.Core.Tests.Deadlines;

public class PolishHolidaysTests
{
    [Theory]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    public void Easter_sunday_falls_on_the_known_dates(int year, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), PolishHolidays.EasterSunday(year));

    [Theory]
    [InlineData("2025-04-21")] // Easter Monday
    [InlineData("2025-06-08")] // Pentecost Sunday
    [InlineData("2025-06-19")] // Corpus Christi
    [InlineData("2025-12-24")] // Christmas Eve, a holiday from 2025
    [InlineData("2026-04-06")]
    [InlineData("2026-06-04")]
    [InlineData("2026-12-24")]
    [InlineData("2027-03-29")]
    [InlineData("2027-05-27")]
    [InlineData("2027-05-03")]
    [InlineData("2027-11-11")]
    [InlineData("2027-01-06")]
    [InlineData("2027-08-15")]
    public void Movable_and_fixed_holidays_are_holidays(string day) =>
        Assert.True(PolishHolidays.IsHoliday(DateOnly.Parse(day)));

    [Theory]
    [InlineData("2024-12-24")] // not yet a holiday
    [InlineData("2025-04-22")]
    [InlineData("2026-06-05")]
    [InlineData("2027-12-27")]
    public void Ordinary_days_are_not_holidays(string day) =>
        Assert.False(PolishHolidays.IsHoliday(DateOnly.Parse(day)));

    [Fact]
    public void Each_year_has_fourteen_holidays_from_2025() =>
        Assert.All(new[] { 2025, 2026, 2027 }, year => Assert.Equal(14, PolishHolidays.For(year).Count));
}
