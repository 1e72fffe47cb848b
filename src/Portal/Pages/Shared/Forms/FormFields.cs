using Microsoft.AspNetCore.Mvc.Rendering;
using Parasol.Core.Web.Forms;

namespace Parasol.Portal.Pages.Shared.Forms;

/// <summary>An option of a radio group or a set of checkboxes; label and hint already localized.</summary>
public sealed record Choice(string Value, string Label, string? Hint = null);

/// <summary>
/// What the form partials draw. Name is the model-binding name (e.g. <c>Answers.FirstName</c>), which is also the
/// ModelState key its error is read from; the element id is derived from it, so the error summary can link to it.
/// </summary>
public sealed record Field(string Name, string Label)
{
    public string? Hint { get; init; }
    public string? Value { get; init; }
    public string Type { get; init; } = "text";
    public string? Autocomplete { get; init; }
    public string? InputMode { get; init; }

    /// <summary>A width class from forms.css, e.g. <c>width-10</c>, so a field's size hints at what it expects.</summary>
    public string? Width { get; init; }

    /// <summary>Radios and checkboxes: the options; <see cref="Selected"/> holds the chosen values.</summary>
    public IReadOnlyList<Choice> Choices { get; init; } = [];
    public IReadOnlyCollection<string> Selected { get; init; } = [];

    /// <summary>Date inputs: the day, month and year as typed.</summary>
    public (string? Day, string? Month, string? Year) Date { get; init; }

    /// <summary>Labels of radios, checkboxes and dates are legends; a page's only question may be its heading.</summary>
    public bool LegendIsHeading { get; init; }

    public string Id => IdFor(Name);

    public static string IdFor(string name) => ErrorSummaryItems.IdFor(name);

    /// <summary>The field's error messages, all of them; also marks the field as drawn, for the error summary's order.</summary>
    public IReadOnlyList<string> ErrorsIn(ViewContext view) => ErrorSummaryItems.ErrorsOf(view, Name);
}
