using System.Globalization;

namespace Parasol.Portal.Pages.Apply;

/// <summary>A date as typed into day, month and year boxes; kept as text so nothing typed is lost on an error.</summary>
public sealed class DateAnswer
{
    public string? Day { get; set; }
    public string? Month { get; set; }
    public string? Year { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    public DateOnly? ToDate() =>
        int.TryParse(Day, NumberStyles.None, CultureInfo.InvariantCulture, out var d)
        && int.TryParse(Month, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
        && int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
        && y is >= 1900 and <= 2200 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m)
            ? new DateOnly(y, m, d)
            : null;

    public (string?, string?, string?) Parts => (Day, Month, Year);

    /// <summary>A date as a hint's example shows it, the way it is typed into the three boxes: "14 9 2026".</summary>
    public static string Example(DateOnly date) => date.ToString("d M yyyy", CultureInfo.InvariantCulture);

    public override string ToString() => ToDate()?.ToString("d", CultureInfo.CurrentCulture) ?? "";
}
