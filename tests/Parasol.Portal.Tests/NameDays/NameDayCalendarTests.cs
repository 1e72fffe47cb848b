using Parasol.Portal.NameDays;

namespace Parasol.Portal.Tests.NameDays;

public sealed class NameDayCalendarTests
{
    private static readonly NameDayCalendar Calendar = NameDayCalendar.Load();

    [Fact]
    public void Every_day_of_a_leap_year_has_at_least_one_name()
    {
        var days = Enumerable.Range(0, 366).Select(offset => new DateOnly(2024, 1, 1).AddDays(offset)).ToList();

        var empty = days.Where(day => Calendar.For(day).Count == 0).ToList();

        Assert.Equal(366, days.Distinct().Count());
        Assert.Empty(empty);
        Assert.All(days, day => Assert.All(Calendar.For(day), name =>
        {
            Assert.False(string.IsNullOrWhiteSpace(name));
            Assert.True(char.IsUpper(name[0]), $"{day:MM-dd}: \"{name}\" is not a capitalised name");
        }));
    }

    [Theory]
    [InlineData(12, 24, "Adam", "Ewa")]
    [InlineData(12, 6, "Mikołaj", null)]
    [InlineData(2, 29, "Roman", null)]
    [InlineData(1, 6, "Kacper", "Melchior")]
    [InlineData(2, 14, "Walenty", null)]
    [InlineData(3, 19, "Józef", null)]
    [InlineData(4, 23, "Jerzy", "Wojciech")]
    [InlineData(5, 8, "Stanisław", null)]
    [InlineData(6, 24, "Jan", null)]
    [InlineData(7, 26, "Anna", null)]
    [InlineData(9, 29, "Michał", null)]
    [InlineData(11, 11, "Marcin", null)]
    [InlineData(11, 25, "Katarzyna", null)]
    [InlineData(11, 30, "Andrzej", null)]
    [InlineData(12, 4, "Barbara", null)]
    [InlineData(12, 31, "Sylwester", null)]
    public void Well_known_name_days_fall_on_their_days(int month, int day, string name, string? another)
    {
        var names = Calendar.For(month, day);

        Assert.Contains(name, names);
        if (another is not null)
        {
            Assert.Contains(another, names);
        }
    }

    [Fact]
    public void A_day_that_does_not_exist_has_no_names() => Assert.Empty(Calendar.For(2, 30));
}
