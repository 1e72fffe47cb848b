using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Parasol.Portal.Pages.Shared.Forms;

/// <summary>
/// The links of the error summary, in the order of the fields on the page. The summary comes first in &lt;main&gt;, before
/// the fields, so its links are written when the page is written out: Razor buffers a page and writes an HTML content
/// only at the end, and by then every field partial has said where it stands (<see cref="Field.ErrorsIn"/>). An error
/// whose field was not drawn comes last. ModelState's own order is a prefix tree's, not the page's.
/// </summary>
public sealed class ErrorSummaryItems(ViewContext view) : IHtmlContent
{
    private const string DrawnKey = "Parasol.Forms.Drawn";

    /// <summary>Every error of the page, each field's messages in the order they were added.</summary>
    public static List<(string Name, string Message)> All(ViewContext view) =>
        [.. view.ViewData.ModelState.Where(e => e.Value is { Errors.Count: > 0 })
            .SelectMany(e => e.Value!.Errors.Select(error => (Name: e.Key, Message: error.ErrorMessage)))];

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
        int Position(string name) => drawn.IndexOf(name) is >= 0 and var i ? i : int.MaxValue;
        foreach (var (name, message) in All(view).OrderBy(e => Position(e.Name)))
        {
            writer.Write("<li><a href=\"#");
            encoder.Encode(writer, Field.IdFor(name));
            writer.Write("\">");
            encoder.Encode(writer, message);
            writer.Write("</a></li>");
        }
    }
}
