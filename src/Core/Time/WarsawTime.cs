namespace Parasol.Core.Time;

/// <summary>Everything a person reads is in Polish local time; everything stored is UTC.</summary>
public static class WarsawTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");

    public static DateTimeOffset Now(TimeProvider time) => ToWarsaw(time.GetUtcNow());

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(Now(time).DateTime);

    public static DateTimeOffset ToWarsaw(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>
    /// Where a Warsaw day begins, as the lower bound of a date filter. Null for the first representable day, whose
    /// midnight lies before the first representable UTC instant: from the beginning of time means no bound.
    /// </summary>
    public static DateTimeOffset? StartOfDay(DateOnly day) => day == DateOnly.MinValue ? null : ToUtc(day, TimeOnly.MinValue);

    /// <summary>
    /// Where the day after a Warsaw day begins, as the exclusive upper bound of a date filter. Null for the last
    /// representable day, which has no next day: until the end of time means no bound.
    /// </summary>
    public static DateTimeOffset? EndOfDay(DateOnly day) => day == DateOnly.MaxValue ? null : ToUtc(day.AddDays(1), TimeOnly.MinValue);

    /// <summary>The UTC instant of a Warsaw wall-clock time on a given day.</summary>
    public static DateTimeOffset ToUtc(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
