using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;
using Parasol.Core.Cases;

namespace Parasol.Portal.Pages.Apply;

/// <summary>
/// A value read back on the check page and the receipt: our own words with what the family typed in between. Each typed
/// piece is written in its own &lt;bdi&gt;, so right-to-left text or a stray direction control in one piece (a street
/// name) cannot reorder the pieces around it (the house number, the postal code). Written as an interpolated string, the
/// holes are typed pieces (localized text excepted) and the literals are ours; a plain string is one typed piece.
/// </summary>
[InterpolatedStringHandler]
public sealed class Answer : IHtmlContent
{
    private readonly List<(string Text, bool Typed)> _parts = [];

    public Answer(int literalLength, int formattedCount)
    {
    }

    private Answer()
    {
    }

    public static Answer Typed(string? text) => new Answer().With(text ?? "", typed: true);

    public static Answer Ours(string text) => new Answer().With(text, typed: false);

    /// <summary>Several answers in one row, each isolated from the others.</summary>
    public static Answer Join(string separator, IEnumerable<Answer> answers)
    {
        var joined = new Answer();
        foreach (var answer in answers)
        {
            if (joined._parts.Count > 0)
            {
                joined.AppendLiteral(separator);
            }
            joined._parts.AddRange(answer._parts);
        }
        return joined;
    }

    /// <summary>A Polish address as one line, "Street 36/4, 44-230 City", every part its own typed piece.</summary>
    public static Answer Address(string? street, string? house, string? flat, string? postalCode, string? city)
    {
        // Two returns, not a ?: whose natural type (string) would lose the pieces.
        if (string.IsNullOrWhiteSpace(flat))
        {
            return $"{street} {house}, {postalCode} {city}";
        }
        return $"{street} {house}/{flat}, {postalCode} {city}";
    }

    public static implicit operator Answer(string? typed) => Typed(typed);

    public static implicit operator Answer(LocalizedString ours) => Ours(ours.Value);

    public void AppendLiteral(string text) => _parts.Add((text, false));

    public void AppendFormatted(LocalizedString text) => _parts.Add((text.Value, false));

    public void AppendFormatted(Answer answer) => _parts.AddRange(answer._parts);

    public void AppendFormatted<T>(T value) => _parts.Add((Convert.ToString(value, CultureInfo.CurrentCulture) ?? "", true));

    public bool IsBlank => _parts.All(p => string.IsNullOrWhiteSpace(p.Text));

    public override string ToString() => string.Concat(_parts.Select(p => p.Text));

    /// <summary>The pieces as the case stores them for staff, typed ones marked so the back office isolates them too.</summary>
    public IReadOnlyList<AnswerPiece> Pieces => [.. _parts.Where(p => p.Text.Length > 0).Select(p => new AnswerPiece(p.Text, p.Typed))];

    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        foreach (var (text, typed) in _parts.Where(p => p.Text.Length > 0))
        {
            if (typed)
            {
                writer.Write("<bdi>");
            }
            encoder.Encode(writer, text);
            if (typed)
            {
                writer.Write("</bdi>");
            }
        }
    }

    private Answer With(string text, bool typed)
    {
        _parts.Add((text, typed));
        return this;
    }
}
