using System.Globalization;

namespace Parasol.Core.Routing;

/// <summary>Street names as people type them ("ul. 3 Maja", "3 maja", "ulica 3 Maja") compare equal.</summary>
internal static class StreetName
{
    private static readonly string[] Prefixes = ["ulica ", "ul. ", "ul ", "aleja ", "al. ", "plac ", "pl. ", "os. "];

    public static string Normalize(string? street) => WithoutPrefix(street).ToLower(CultureInfo.GetCultureInfo("pl-PL"));

    /// <summary>The name as typed, with single spaces and without "ul." and the like.</summary>
    public static string WithoutPrefix(string? street)
    {
        var s = string.Join(' ', (street ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries));
        foreach (var prefix in Prefixes)
        {
            if (s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return s[prefix.Length..].Trim();
            }
        }
        return s;
    }
}

/// <summary>The number part of a house number: "36", "36A", "36/2" → 36.</summary>
internal static class HouseNumber
{
    public static int? Parse(string? houseNumber)
    {
        var digits = new string((houseNumber ?? "").Trim().TakeWhile(char.IsAsciiDigit).ToArray());
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }
}
