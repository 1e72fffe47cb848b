using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Parasol.Core.Web.Forms;

namespace Parasol.BackOffice.Forms;

/// <summary>
/// A field with a mistake says so to assistive technology: <c>aria-invalid</c>, and described by its message
/// (<c>_FieldError</c>, id <c>{field}-error</c>) besides any hint. Fields bound with <c>asp-for</c> are found by their
/// name; others name their ModelState key with <c>error-for</c>.
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for", TagStructure = TagStructure.WithoutEndTag)]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
[HtmlTargetElement("input", Attributes = "error-for", TagStructure = TagStructure.WithoutEndTag)]
[HtmlTargetElement("select", Attributes = "error-for")]
[HtmlTargetElement("textarea", Attributes = "error-for")]
[HtmlTargetElement("fieldset", Attributes = "error-for")]
public sealed class FieldErrorTagHelper : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression? For { get; set; }

    [HtmlAttributeName("error-for")]
    public string? ErrorFor { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>After the framework's input tag helpers, so an aria-describedby they leave is kept.</summary>
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ErrorFor ?? For?.Name;
        if (name is null || !ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) || entry.Errors.Count == 0)
        {
            return;
        }
        var describedBy = output.Attributes.TryGetAttribute("aria-describedby", out var existing) ? existing.Value?.ToString() : null;
        var errorId = ErrorSummaryItems.IdFor(name) + "-error";
        output.Attributes.SetAttribute("aria-describedby", string.IsNullOrEmpty(describedBy) ? errorId : $"{describedBy} {errorId}");
        if (output.TagName != "fieldset")
        {
            output.Attributes.SetAttribute("aria-invalid", "true");
        }
    }
}
