using System.Numerics;

namespace Parasol.Core.Validation;

/// <summary>A Polish bank account number (NRB, 26 digits) with or without the PL prefix; checked by the IBAN mod-97 rule.</summary>
public static class PolishIban
{
    public static string? Normalize(string? value)
    {
        if (value is null)
        {
            return null;
        }
        var compact = string.Concat(value.Where(c => !char.IsWhiteSpace(c) && c != '-')).ToUpperInvariant();
        if (compact.StartsWith("PL", StringComparison.Ordinal))
        {
            compact = compact[2..];
        }
        return compact.Length == 26 && compact.All(char.IsAsciiDigit) && IsChecksumValid(compact) ? "PL" + compact : null;
    }

    public static bool IsValid(string? value) => Normalize(value) is not null;

    /// <summary>Groups for reading: PL61 1090 1014 0000 0712 1981 2874.</summary>
    public static string Format(string normalized) =>
        string.Join(' ', Enumerable.Range(0, (normalized.Length + 3) / 4).Select(i => normalized.Substring(i * 4, Math.Min(4, normalized.Length - (i * 4)))));

    private static bool IsChecksumValid(string nrb)
    {
        // IBAN: move the country code and check digits to the end; P=25, L=21.
        var rearranged = nrb[2..] + "2521" + nrb[..2];
        return BigInteger.Parse(rearranged, System.Globalization.CultureInfo.InvariantCulture) % 97 == 1;
    }
}
