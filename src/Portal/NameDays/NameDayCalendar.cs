using System.Globalization;

namespace Parasol.Portal.NameDays;

/// <summary>The Polish name-day calendar (imieniny): the names celebrated on each day of the year, 29 February included.</summary>
public sealed class NameDayCalendar
{
    private readonly Dictionary<(int Month, int Day), IReadOnlyList<string>> _names;

    private NameDayCalendar(Dictionary<(int Month, int Day), IReadOnlyList<string>> names) => _names = names;

    public IReadOnlyList<string> For(int month, int day) => _names.TryGetValue((month, day), out var names) ? names : [];

    public IReadOnlyList<string> For(DateOnly date) => For(date.Month, date.Day);

    /// <summary>Reads the calendar shipped inside the assembly (NameDays/name-days.csv).</summary>
    public static NameDayCalendar Load()
    {
        using var stream = typeof(NameDayCalendar).Assembly.GetManifestResourceStream("Parasol.Portal.NameDays.name-days.csv")
            ?? throw new InvalidOperationException("The name-day calendar is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var names = new Dictionary<(int, int), IReadOnlyList<string>>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var (date, list) = (line[..5], line[6..]);
            var day = DateOnly.ParseExact("2024-" + date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            names.Add((day.Month, day.Day), list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        }
        return new NameDayCalendar(names);
    }
}
