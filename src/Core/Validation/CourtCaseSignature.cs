using System.Text.RegularExpressions;

namespace Parasol.Core.Validation;

/// <summary>A Polish court case signature (sygnatura akt), e.g. <c>III Nsm 348/13</c> or <c>I Nkd 12/25</c>.</summary>
public static partial class CourtCaseSignature
{
    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var collapsed = Spaces().Replace(value.Trim(), " ");
        return Pattern().IsMatch(collapsed) ? collapsed : null;
    }

    public static bool IsValid(string? value) => Normalize(value) is not null;

    // Division (Roman numeral I–XXXIX), optional section number, register symbol (e.g. Nsm, Nkd, RC, Ns), number/YY.
    [GeneratedRegex(@"^(?=[IVXL]+ )L?X{0,3}(?:IX|IV|V?I{0,3}) (?:\d{1,2} )?[A-Z][A-Za-z]{0,5}(?:-[A-Za-z]{1,4})? [1-9]\d{0,5}/\d{2}$")]
    private static partial Regex Pattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
