using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using Parasol.Core.Cases;

namespace Parasol.BackOffice.Pages.Cases;

/// <summary>
/// The answers of a case stored without its check page's read-back (<see cref="Case.AnswerSummaryJson"/>), made readable
/// from the journey's JSON: each object a section (a list's items numbered), each answer under a label from the
/// resources (<c>Answer {property}</c>, or the property's name in words), answer codes in words (<c>Answer {property}
/// {code}</c>), dates as dates, yes and no as words; empty answers and the journeys' bookkeeping left out. What the family
/// typed stays a typed piece, shown in &lt;bdi&gt;. Never the JSON itself, not even JSON that cannot be read.
/// </summary>
public static class OlderAnswers
{
    /// <summary>Properties the journeys compute or keep for themselves, not answers.</summary>
    private static readonly HashSet<string> Bookkeeping = ["isEmpty", "isPregnant", "isAfterLoss", "tellsAboutChild", "parts"];

    /// <summary>
    /// The order the journeys ask in. The database keeps answers as jsonb, which orders an object's keys by length, so
    /// "city" would come before "street"; properties not listed follow in the stored order.
    /// </summary>
    private static readonly string[] AskedOrder =
    [
        "aboutYou", "applicant", "institution", "child", "family", "contact", "household", "situation", "support", "concern", "payment",
        "type", "name", "courtCaseSignature", "contactPerson", "contactRole", "role", "firstName", "lastName", "childFirstName",
        "childLastName", "schoolClass", "parentNames", "pesel", "dateOfBirth", "dueDate", "childDateOfBirth", "specialty", "method",
        "iban", "street", "houseNumber", "flatNumber", "postalCode", "city", "postalAddress", "email", "phone", "preferredContact",
        "replyBy", "language", "children", "otherMembers", "difficulties", "helpWanted", "helpOther", "earlierHelp",
        "earlierHelpDetails", "needs", "observed", "actionsTaken", "parentsKnow", "urgency", "blueCard", "page", "problem", "alternative",
    ];

    /// <summary>Whether a stored property is one of the family's answers, not the journeys' bookkeeping.</summary>
    public static bool IsAnswer(string property) => !Bookkeeping.Contains(property);

    public static IReadOnlyList<AnswerSummarySection> Read(string json, IStringLocalizer l)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var sections = new List<AnswerSummarySection>();
            Section("", document.RootElement, l, sections);
            return sections;
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>An object's answers as one section, placed before the sections of the objects inside it.</summary>
    private static void Section(string title, JsonElement element, IStringLocalizer l, List<AnswerSummarySection> sections)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }
        var rows = new List<AnswerSummaryRow>();
        var at = sections.Count;
        foreach (var property in element.EnumerateObject().Where(p => !Bookkeeping.Contains(p.Name)).OrderBy(p => Array.IndexOf(AskedOrder, p.Name) is >= 0 and var i ? i : int.MaxValue))
        {
            var label = Label(property.Name, l);
            var value = property.Value;
            if (value.ValueKind == JsonValueKind.Object && DateOf(value) is { } date)
            {
                if (date.Count > 0)
                {
                    rows.Add(new AnswerSummaryRow(label, date));
                }
            }
            else if (value.ValueKind == JsonValueKind.Object)
            {
                Section(Join(title, label), value, l, sections);
            }
            else if (value.ValueKind == JsonValueKind.Array && value.EnumerateArray().Any(i => i.ValueKind == JsonValueKind.Object))
            {
                var n = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Section(Join(Join(title, label), l["Item {0}", ++n]), item, l, sections);
                }
            }
            else if (Pieces(property.Name, value, l) is { Count: > 0 } pieces)
            {
                rows.Add(new AnswerSummaryRow(label, pieces));
            }
        }
        if (rows.Count > 0)
        {
            sections.Insert(at, new AnswerSummarySection(title, rows));
        }
    }

    private static List<AnswerPiece> Pieces(string property, JsonElement value, IStringLocalizer l)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String when !string.IsNullOrWhiteSpace(value.GetString()):
                return [Text(property, value.GetString()!, l)];
            case JsonValueKind.True or JsonValueKind.False:
                return [new AnswerPiece(l[value.GetBoolean() ? "Yes" : "No"], Typed: false)];
            case JsonValueKind.Number:
                return [new AnswerPiece(value.GetRawText(), Typed: true)];
            case JsonValueKind.Array:
                var pieces = new List<AnswerPiece>();
                foreach (var item in value.EnumerateArray().SelectMany(i => Pieces(property, i, l)))
                {
                    if (pieces.Count > 0)
                    {
                        pieces.Add(new AnswerPiece("; ", Typed: false));
                    }
                    pieces.Add(item);
                }
                return pieces;
            default:
                return [];
        }
    }

    /// <summary>A code the journey offered (a role, a way to contact) in words; anything else as the family typed it.</summary>
    private static AnswerPiece Text(string property, string text, IStringLocalizer l)
    {
        if (l[$"Answer {property} {text}"] is { ResourceNotFound: false } code)
        {
            return new AnswerPiece(code.Value, Typed: false);
        }
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? new AnswerPiece(date.ToString("d", CultureInfo.CurrentCulture), Typed: false)
            : new AnswerPiece(text, Typed: true);
    }

    /// <summary>A date typed into day, month and year boxes; null when the object is not one, or none was typed.</summary>
    private static List<AnswerPiece>? DateOf(JsonElement value)
    {
        string? Part(string name) => value.TryGetProperty(name, out var part) && part.ValueKind == JsonValueKind.String ? part.GetString() : null;
        var names = value.EnumerateObject().Select(p => p.Name).Where(n => !Bookkeeping.Contains(n)).ToHashSet();
        if (!names.SetEquals(["day", "month", "year"]))
        {
            return null;
        }
        var (day, month, year) = (Part("day"), Part("month"), Part("year"));
        if (string.IsNullOrWhiteSpace(day) && string.IsNullOrWhiteSpace(month) && string.IsNullOrWhiteSpace(year))
        {
            return [];
        }
        return int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            && int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            && y is >= 1 and <= 9999 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m)
                ? [new AnswerPiece(new DateOnly(y, m, d).ToString("d", CultureInfo.CurrentCulture), Typed: false)]
                : [new AnswerPiece(day ?? "", Typed: true), new AnswerPiece(".", Typed: false), new AnswerPiece(month ?? "", Typed: true),
                    new AnswerPiece(".", Typed: false), new AnswerPiece(year ?? "", Typed: true)];
    }

    /// <summary>The property's label from the resources, else its name in words ("schoolClass" → "School class").</summary>
    private static string Label(string property, IStringLocalizer l)
    {
        if (l[$"Answer {property}"] is { ResourceNotFound: false } label)
        {
            return label.Value;
        }
        var words = string.Concat(property.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }

    private static string Join(string title, string label) => title.Length == 0 ? label : $"{title} – {label}";
}
