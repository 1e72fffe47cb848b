namespace Parasol.Core.Validation;

/// <summary>The Polish national identification number: YYMMDDZZZXC with the century in the month.</summary>
public static class Pesel
{
    private static readonly int[] Weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];

    /// <summary>True when the number has a valid check digit and encodes a date that exists and is not after <paramref name="today"/>.</summary>
    public static bool IsValid(string? value, DateOnly today) => TryGetDateOfBirth(value, out var born) && born <= today;

    public static bool TryGetDateOfBirth(string? value, out DateOnly dateOfBirth)
    {
        dateOfBirth = default;
        if (value is null || value.Length != 11 || !value.All(char.IsAsciiDigit))
        {
            return false;
        }
        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            sum += (value[i] - '0') * Weights[i];
        }
        if ((10 - (sum % 10)) % 10 != value[10] - '0')
        {
            return false;
        }
        var yy = int.Parse(value.AsSpan(0, 2));
        var mm = int.Parse(value.AsSpan(2, 2));
        var dd = int.Parse(value.AsSpan(4, 2));
        var (century, month) = mm switch
        {
            >= 81 and <= 92 => (1800, mm - 80),
            >= 1 and <= 12 => (1900, mm),
            >= 21 and <= 32 => (2000, mm - 20),
            >= 41 and <= 52 => (2100, mm - 40),
            >= 61 and <= 72 => (2200, mm - 60),
            _ => (0, 0),
        };
        if (century == 0 || dd < 1 || dd > DateTime.DaysInMonth(century + yy, month))
        {
            return false;
        }
        dateOfBirth = new DateOnly(century + yy, month, dd);
        return true;
    }
}
