using System.Text.RegularExpressions;

namespace Parasol.Core.Validation;

public static partial class PostalCode
{
    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value);

    /// <summary>Accepts "44230" or " 44-230 " as typed and gives back "44-230", or null.</summary>
    public static string? Normalize(string? value)
    {
        var digits = value is null ? "" : string.Concat(value.Where(char.IsAsciiDigit));
        var compact = value is null ? "" : string.Concat(value.Where(c => !char.IsWhiteSpace(c)));
        if (digits.Length != 5 || (compact.Length != 5 && compact.Length != 6))
        {
            return null;
        }
        var normalized = $"{digits[..2]}-{digits[2..]}";
        return compact.Length == 5 || compact == normalized ? normalized : null;
    }

    [GeneratedRegex("^[0-9]{2}-[0-9]{3}$")]
    private static partial Regex Pattern();
}
