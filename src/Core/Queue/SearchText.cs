using System.Globalization;
using System.Text;

namespace Parasol.Core.Queue;

/// <summary>
/// Folds a name for search: lower case, Polish letters without their marks. The database keeps the same fold of every
/// surname in a generated column (<c>case_people.search_name</c>), so "WISNIEWSKI" finds "Wiśniewski".
/// </summary>
public static class SearchText
{
    /// <summary>The SQL twin of <see cref="Fold"/>, used by the generated column.</summary>
    public const string SqlFold = "translate(lower(last_name), 'ąćęłńóśźż', 'acelnoszz')";

    public static string Fold(string text)
    {
        var lower = text.Trim().ToLower(CultureInfo.GetCultureInfo("pl-PL"));
        var builder = new StringBuilder(lower.Length);
        foreach (var ch in lower)
        {
            builder.Append(ch switch
            {
                'ą' => 'a',
                'ć' => 'c',
                'ę' => 'e',
                'ł' => 'l',
                'ń' => 'n',
                'ó' => 'o',
                'ś' => 's',
                'ź' => 'z',
                'ż' => 'z',
                _ => ch,
            });
        }
        return builder.ToString();
    }
}
