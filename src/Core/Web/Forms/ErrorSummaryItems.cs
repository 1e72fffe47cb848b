using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Parasol.Core.Web.Forms;

/// <summary>
/// The links of a page's error summary, in the order of the fields on the page, for the Portal and the back office alike.
/// The summary comes first in &lt;main&gt;, before the fields, so its links are written when the page is written out:
/// Razor buffers a page and writes an HTML content only at the end, and by then every field has said where it stands
/// (<see cref="Drawn"/>). An error whose field was not drawn comes last. ModelState's own order is a prefix tree's, not
/// the page's.
/// </summary>
/// <param name="unnamedTarget">Where an error of the whole form (ModelState key "") links to, e.g. <c>main</c>.</param>
public sealed class ErrorSummaryItems(ViewContext view, string? unnamedTarget = null) : IHtmlContent
{
    private const string DrawnKey = "Parasol.Forms.Drawn";

    /// <summary>Every error of the page, each field's messages in the order they were added.</summary>
    public static List<(string Name, string Message)> All(ViewContext view) =>
        [.. view.ViewData.ModelState.Where(e => e.Value is { Errors.Count: > 0 })
            .SelectMany(e => e.Value!.Errors.Select(error => (Name: e.Key, Message: error.ErrorMessage)))];

    /// <summary>
    /// A page sent back with mistakes says so first in its title, the first thing a screen reader reads: the localized
    /// "Error:" and a space, or nothing.
    /// </summary>
    public static string TitlePrefix(ViewContext view, string localizedError) =>
        view.ViewData.ModelState.ErrorCount > 0 ? localizedError + " " : "";

    /// <summary>The element id of a field's ModelState key (<c>Answers.FirstName</c> → <c>Answers-FirstName</c>).</summary>
    public static string IdFor(string name) =>
        name.Replace("[", "-", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).Replace('.', '-');

    /// <summary>A field's error messages, all of them; also records that the field is drawn here, for the summary's order.</summary>
    public static IReadOnlyList<string> ErrorsOf(ViewContext view, string name)
    {
        Drawn(view, name);
        return view.ViewData.ModelState.TryGetValue(name, out var entry) ? [.. entry.Errors.Select(e => e.ErrorMessage)] : [];
    }

    /// <summary>Records that a field has been drawn, so the summary can follow the page.</summary>
    public static void Drawn(ViewContext view, string name)
    {
        if (view.HttpContext.Items[DrawnKey] is not List<string> drawn)
        {
            view.HttpContext.Items[DrawnKey] = drawn = [];
        }
        if (!drawn.Contains(name))
        {
            drawn.Add(name);
        }
    }

    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        var drawn = view.HttpContext.Items[DrawnKey] as List<string> ?? [];
        // ModelState's keys ignore case and keep the first spelling (a handler's parameter "note" binds before the page
        // adds an error for "Note"); a link needs the field's own, as the page drew it.
        int Position(string name) => drawn.FindIndex(d => string.Equals(d, name, StringComparison.OrdinalIgnoreCase)) is >= 0 and var i ? i : int.MaxValue;
        foreach (var (key, message) in All(view).OrderBy(e => Position(e.Name)))
        {
            var name = Position(key) is var at && at < drawn.Count ? drawn[at] : key;
            writer.Write("<li><a href=\"#");
            encoder.Encode(writer, name.Length == 0 && unnamedTarget is not null ? unnamedTarget : IdFor(name));
            writer.Write("\">");
            encoder.Encode(writer, message);
            writer.Write("</a></li>");
        }
    }
}
