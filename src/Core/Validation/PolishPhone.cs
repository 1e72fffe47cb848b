using System.Text.RegularExpressions;

namespace Parasol.Core.Validation;

/// <summary>A Polish 9-digit number with an optional +48, or an international number in E.164 form.</summary>
public static partial class PolishPhone
{
    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var compact = Separators().Replace(value.Trim(), "");
        if (compact.StartsWith("00", StringComparison.Ordinal))
        {
            compact = "+" + compact[2..];
        }
        if (National().IsMatch(compact))
        {
            return "+48" + compact;
        }
        if (compact.StartsWith("+48", StringComparison.Ordinal))
        {
            return National().IsMatch(compact[3..]) ? compact : null;
        }
        return International().IsMatch(compact) ? compact : null;
    }

    public static bool IsValid(string? value) => Normalize(value) is not null;

    [GeneratedRegex(@"[\s\-().]")]
    private static partial Regex Separators();

    [GeneratedRegex("^[1-9][0-9]{8}$")]
    private static partial Regex National();

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex International();
}
