using Microsoft.Extensions.Localization;
using Parasol.Portal.Pages.Apply;

namespace Parasol.Portal.Pages.AccessibilityRequest;

/// <summary>
/// A request to make a page or document accessible, or to provide it another way (art. 18 of the digital accessibility
/// act): who asks, how to reply, which page or document, what is inaccessible, the alternative wanted. Stored as JSON.
/// </summary>
public sealed class AccessibilityRequestAnswers
{
    public static readonly IReadOnlyList<string> ReplyWays = ["Email", "Phone", "Letter"];

    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? PostalAddress { get; set; }
    public string? ReplyBy { get; set; }
    public string? Page { get; set; }
    public string? Problem { get; set; }
    public string? Alternative { get; set; }

    public IReadOnlyList<SummarySection> Summarize(IStringLocalizer l) =>
    [
        new(l["Your request"], [
            new(l["Name"], $"{FirstName} {LastName}"),
            new(l["E-mail address"], Email ?? ""),
            new(l["Phone number"], Phone ?? ""),
            new(l["Postal address"], PostalAddress ?? ""),
            new(l["How should we reply?"], ReplyBy is null ? "" : l[$"Contact {ReplyBy}"]),
            new(l["Which page, document or part of the site is it about?"], Page ?? ""),
            new(l["What is not accessible to you?"], Problem ?? ""),
            new(l["The form in which you would like the information (optional)"], Alternative ?? ""),
        ]),
    ];
}
