using Microsoft.Extensions.Localization;

namespace Parasol.Core.Web;

/// <summary>A number of minutes in the reader's language, for messages such as "wait {0}".</summary>
public static class LocalizedMinutes
{
    /// <summary>
    /// "1 minute" or "14 minutes" (the app's resources give Polish and Ukrainian their abbreviations, "min" and "хв",
    /// which read right with every number, where the full words would need three plural forms).
    /// </summary>
    public static string Minutes(this IStringLocalizer l, int minutes) => minutes == 1 ? l["1 minute"] : l["{0} minutes", minutes];
}
