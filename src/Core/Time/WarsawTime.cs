namespace Parasol.Core.Time;

/// <summary>Everything a person reads is in Polish local time; everything stored is UTC.</summary>
public static class WarsawTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");

    public static DateTimeOffset Now(TimeProvider time) => ToWarsaw(time.GetUtcNow());

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(Now(time).DateTime);

    public static DateTimeOffset ToWarsaw(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The UTC instant of a Warsaw wall-clock time on a given day.</summary>
    public static DateTimeOffset ToUtc(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
