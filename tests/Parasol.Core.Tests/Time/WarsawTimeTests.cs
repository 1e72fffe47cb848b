using Microsoft.Extensions.Time.Testing;
using Parasol.Core.Time;

namespace Parasol.Core.Tests.Time;

public sealed class WarsawTimeTests
{
    [Fact]
    public void Late_evening_utc_is_already_tomorrow_in_Warsaw()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2027, 1, 1), WarsawTime.Today(clock));
    }

    [Theory]
    [InlineData(2026, 1, 15, 9, 8)] // winter: UTC+1
    [InlineData(2026, 7, 15, 9, 7)] // summer: UTC+2
    public void Warsaw_wall_clock_converts_to_utc_with_daylight_saving(int y, int m, int d, int localHour, int utcHour)
    {
        var utc = WarsawTime.ToUtc(new DateOnly(y, m, d), new TimeOnly(localHour, 0));
        Assert.Equal(utcHour, utc.Hour);
        Assert.Equal(TimeSpan.Zero, utc.Offset);
    }

    [Fact]
    public void The_first_and_last_representable_days_bound_nothing_and_the_days_next_to_them_do()
    {
        Assert.Null(WarsawTime.StartOfDay(DateOnly.MinValue));
        Assert.Null(WarsawTime.EndOfDay(DateOnly.MaxValue));
        Assert.Equal(new DateTimeOffset(9999, 12, 30, 23, 0, 0, TimeSpan.Zero), WarsawTime.EndOfDay(DateOnly.MaxValue.AddDays(-1)));
        Assert.NotNull(WarsawTime.StartOfDay(DateOnly.MinValue.AddDays(1)));
        Assert.Equal(new DateTimeOffset(2026, 7, 14, 22, 0, 0, TimeSpan.Zero), WarsawTime.StartOfDay(new DateOnly(2026, 7, 15)));
        Assert.Equal(new DateTimeOffset(2026, 7, 15, 22, 0, 0, TimeSpan.Zero), WarsawTime.EndOfDay(new DateOnly(2026, 7, 15)));
    }
}
