using System.Globalization;
using Parasol.Core.Offices;
using Parasol.Core.Time;

namespace Parasol.Portal.Office;

/// <summary>The office's week, Monday first, with today marked and whether the door is open right now (Warsaw time).</summary>
public sealed record OfficeHoursNow(IReadOnlyList<OfficeHoursNow.Day> Week, bool IsOpen)
{
    public sealed record Day(DayOfWeek DayOfWeek, TimeOnly? Opens, TimeOnly? Closes, bool IsToday)
    {
        /// <summary>The weekday's name in the current language, capitalised for a table heading.</summary>
        public string Name
        {
            get
            {
                var name = CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(DayOfWeek);
                return string.Concat(name[..1].ToUpper(CultureInfo.CurrentCulture), name[1..]);
            }
        }
    }

    public static OfficeHoursNow For(OfficeProfile office, TimeProvider time)
    {
        var now = WarsawTime.Now(time);
        var clock = TimeOnly.FromDateTime(now.DateTime);
        var week = Enumerable.Range(1, 7).Select(i => (DayOfWeek)(i % 7)).Select(day =>
        {
            var hours = office.OpeningHours.FirstOrDefault(h => h.DayOfWeek == day);
            return new Day(day, hours?.Opens, hours?.Closes, day == now.DayOfWeek);
        }).ToList();
        var today = week.Single(d => d.IsToday);
        var isOpen = today.Opens is { } opens && today.Closes is { } closes && clock >= opens && clock < closes;
        return new OfficeHoursNow(week, isOpen);
    }
}
