using System.Globalization;

namespace Parasol.Core.Localization;

/// <summary>The languages Parasol speaks. Polish first; every user-facing string exists in all three.</summary>
public static class ParasolCultures
{
    public const string Default = "pl";

    public static readonly IReadOnlyList<string> Supported = ["pl", "en", "uk"];

    public static IList<CultureInfo> SupportedCultures => Supported.Select(CultureInfo.GetCultureInfo).ToList();

    public static bool IsSupported(string? culture) => culture is not null && Supported.Contains(culture);
}
