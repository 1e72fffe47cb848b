namespace Parasol.Core.Deadlines;

/// <summary>Counting time limits as KPA art. 57 does.</summary>
public static class KpaCalendar
{
    /// <summary>
    /// A limit in days: the day of the event is not counted, so it ends <paramref name="days"/> days after it; a limit
    /// ending on a Saturday or a public holiday moves to the next working day (§ 1 and § 5).
    /// </summary>
    public static DateOnly AddDays(DateOnly eventDay, int days) => NextWorkingDayFrom(eventDay.AddDays(days));

    /// <summary>
    /// A limit in months ends on the same day of the month, or on the month's last day when it has no such day (§ 3),
    /// moved past Saturdays and holidays (§ 5).
    /// </summary>
    public static DateOnly AddMonths(DateOnly eventDay, int months) => NextWorkingDayFrom(eventDay.AddMonths(months));

    /// <summary>The working day that is <paramref name="workingDays"/> working days after the event day.</summary>
    public static DateOnly AddWorkingDays(DateOnly eventDay, int workingDays)
    {
        var day = eventDay;
        var left = workingDays;
        while (left > 0)
        {
            day = day.AddDays(1);
            if (!PolishHolidays.IsNonWorkingDay(day))
            {
                left--;
            }
        }
        return day;
    }

    /// <summary>Sundays are holidays too (art. 57 § 5 names Saturdays; Sundays are days free from work by statute).</summary>
    public static DateOnly NextWorkingDayFrom(DateOnly day)
    {
        while (PolishHolidays.IsNonWorkingDay(day))
        {
            day = day.AddDays(1);
        }
        return day;
    }
}
