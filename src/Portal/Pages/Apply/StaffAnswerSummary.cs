using System.Globalization;
using Microsoft.Extensions.Localization;
using Parasol.Core.Cases;
using Parasol.Core.Localization;

namespace Parasol.Portal.Pages.Apply;

/// <summary>
/// The check page's read-back as staff will read it, stored with the case. It is written in every language Parasol speaks,
/// whatever language the family used, so a social worker reads the questions in Polish (or in the language they chose
/// in the back office). Empty answers and sections left empty are dropped.
/// </summary>
public static class StaffAnswerSummary
{
    /// <param name="summarize">The journey's read-back; the localizer follows the current UI culture, set here per language.</param>
    public static AnswerSummary Of(Func<IStringLocalizer, IReadOnlyList<SummarySection>> summarize, IStringLocalizer l)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var byLanguage = new Dictionary<string, IReadOnlyList<AnswerSummarySection>>();
        try
        {
            foreach (var language in ParasolCultures.Supported)
            {
                // Dates and numbers too: the values are formatted while the journey builds them.
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
                byLanguage[language] = [.. summarize(l)
                    .Select(s => new AnswerSummarySection(s.Title, [.. s.Rows.Where(r => !r.Value.IsBlank).Select(r => new AnswerSummaryRow(r.Label, r.Value.Pieces))]))
                    .Where(s => s.Rows.Count > 0)];
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
        return new AnswerSummary(byLanguage);
    }
}
