using Microsoft.Extensions.Localization;

namespace Parasol.Portal.Pages.Apply.ZaZyciemSupport;

/// <summary>
/// "Za życiem": support from a family assistant for a pregnant woman or the family of a child with a diagnosis
/// (ustawa o wspieraniu kobiet w ciąży i rodzin, art. 8). Not a KPA proceeding: no signature is needed.
/// </summary>
public sealed class SupportJourney : JourneyDefinition<SupportState>
{
    /// <summary>"AfterLoss": a woman whose child died at or right after birth, or who lost a pregnancy (art. 8 covers her too).</summary>
    public static readonly IReadOnlyList<string> Roles = ["Pregnant", "AfterLoss", "Parent", "Guardian"];

    public override string Name => "za-zyciem-support";
    public override string BasePath => "/apply/za-zyciem-support";

    public override IReadOnlyList<JourneyStep> Steps { get; } =
    [
        new("about-you", "About you"),
        new("contact", "Address and contact"),
        new("support", "The support you need"),
        new("documents", "Certificate"),
    ];

    public override IReadOnlyList<SummarySection> Summarize(SupportState state, IStringLocalizer l)
    {
        var you = state.AboutYou;
        var contact = state.Contact;
        var s = state.Support;
        var family = new List<SummaryRow>();
        if (state.IsPregnant)
        {
            family.Add(new(l["Expected date of birth"], s.DueDate.ToString(), "support"));
        }
        else if (state.TellsAboutChild)
        {
            family.Add(new(l["The child’s first name"], s.ChildFirstName ?? "", "support"));
            family.Add(new(l["The child’s date of birth"], s.ChildDateOfBirth.ToString(), "support"));
        }
        family.Add(new(l["What support would help you and your family?"], s.Needs ?? "", "support"));
        return
        [
            new(l["About you"], [
                new(l["Who is asking"], you.Role is null ? "" : l[$"Role {you.Role}"], "about-you"),
                new(l["Name"], $"{you.FirstName} {you.LastName}", "about-you"),
                new(l["PESEL number"], you.Pesel ?? "", "about-you"),
                new(l["Date of birth"], you.DateOfBirth.ToString(), "about-you"),
            ]),
            new(l["Address and contact"], [
                new(l["Address"], AddressAnswers.Summary(contact), "contact"),
                new(l["Phone number"], contact.Phone ?? "", "contact"),
                new(l["E-mail address"], contact.Email ?? "", "contact"),
                new(l["How should we contact you?"], contact.PreferredContact is null ? "" : l[$"Contact {contact.PreferredContact}"], "contact"),
                new(l["Language"], contact.Language is null ? "" : l[$"Language {contact.Language}"], "contact"),
            ]),
            new(l["The support you need"], family),
        ];
    }
}
