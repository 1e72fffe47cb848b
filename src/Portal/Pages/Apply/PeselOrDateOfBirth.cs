using Parasol.Core.Validation;

namespace Parasol.Portal.Pages.Apply;

/// <summary>
/// Who someone is: a PESEL number or, for someone without one (a foreigner, say), a date of birth instead. The same rule
/// in every step that asks a person about themselves; the fields are drawn by _PeselOrDateOfBirth.cshtml.
/// </summary>
public static class PeselOrDateOfBirth
{
    /// <summary>Reports what is wrong under <paramref name="prefix"/>.Pesel or .DateOfBirth; returns the PESEL trimmed, or null when none was given.</summary>
    public static string? Validate(string? pesel, DateAnswer dateOfBirth, DateOnly today, string prefix, Action<string, string> error)
    {
        if (!string.IsNullOrWhiteSpace(pesel))
        {
            pesel = pesel.Trim();
            if (!Pesel.IsValid(pesel, today))
            {
                error($"{prefix}.Pesel", "Enter a valid PESEL number: 11 digits, as on your ID card");
            }
            return pesel;
        }
        if (dateOfBirth.IsEmpty)
        {
            error($"{prefix}.Pesel", "Enter your PESEL number or, if you have none, your date of birth");
        }
        else if (dateOfBirth.ToDate() is not { } born || born > today)
        {
            error($"{prefix}.DateOfBirth", "Enter your date of birth as a real date in the past, for example 27 3 1990");
        }
        return null;
    }
}
