using System.Globalization;
using System.Text.RegularExpressions;

namespace Parasol.Core.Cases;

/// <summary>The case number (znak sprawy) <c>UNIT.JRWA.SEQ.YEAR</c>, e.g. <c>OPS.4010.17.2026</c>.</summary>
public static partial class CaseNumber
{
    public static string Format(string prefix, string symbol, int sequence, int year) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}.{symbol}.{sequence}.{year}");

    /// <summary>Normalises what a person typed (spaces, lower case) to the canonical form, or null when it is not a case number.</summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }
        var compact = string.Concat(input.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        return Pattern().IsMatch(compact) ? compact : null;
    }

    [GeneratedRegex(@"^[A-Z][A-Z0-9-]{0,15}\.[0-9]{3,4}\.[1-9][0-9]{0,6}\.(19|20)[0-9]{2}$")]
    private static partial Regex Pattern();
}
