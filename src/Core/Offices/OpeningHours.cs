namespace Parasol.Core.Offices;

/// <summary>When the office is open on one weekday (Europe/Warsaw local time). A day without a row is closed.</summary>
public sealed class OpeningHours
{
    public int Id { get; set; }
    public int OfficeProfileId { get; set; }
    public DayOfWeek DayOfWeek { get; set; }
    public TimeOnly Opens { get; set; }
    public TimeOnly Closes { get; set; }
}
