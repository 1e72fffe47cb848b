using System.Collections;
using System.Reflection;
using System.Text;

namespace Parasol.Portal.Pages.Apply;

/// <summary>
/// The decided rule for what a person types: everything is kept as typed (markup, quotes, emoji, right-to-left marks)
/// except control characters, which nobody can see or mean to type and which PostgreSQL refuses (NUL) or terminals
/// obey (escape sequences). They are removed silently; tabs and line breaks stay.
/// </summary>
public static class InputText
{
    public static string? WithoutControlCharacters(string? value)
    {
        if (value is null || !value.Any(IsUnwanted))
        {
            return value;
        }
        var kept = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (!IsUnwanted(c))
            {
                kept.Append(c);
            }
        }
        return kept.ToString();
    }

    /// <summary>Cleans every text property of a journey's answers, including those of nested answers and lists.</summary>
    public static void Clean(object? answers)
    {
        if (answers is null)
        {
            return;
        }
        foreach (var property in answers.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!property.CanRead || property.GetIndexParameters().Length > 0)
            {
                continue;
            }
            var value = property.GetValue(answers);
            switch (value)
            {
                case string text when property.CanWrite:
                    property.SetValue(answers, WithoutControlCharacters(text));
                    break;
                case IList<string> texts:
                    for (var i = 0; i < texts.Count; i++)
                    {
                        texts[i] = WithoutControlCharacters(texts[i])!;
                    }
                    break;
                case IEnumerable items and not string:
                    foreach (var item in items)
                    {
                        Clean(item);
                    }
                    break;
                case not null when IsAnswers(property.PropertyType):
                    Clean(value);
                    break;
            }
        }
    }

    private static bool IsUnwanted(char c) => char.IsControl(c) && c is not ('\t' or '\n' or '\r');

    private static bool IsAnswers(Type type) => type.IsClass && type.Namespace?.StartsWith("Parasol.Portal", StringComparison.Ordinal) == true;
}
