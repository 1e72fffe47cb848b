using Microsoft.Extensions.Localization;

namespace Parasol.Portal.Pages.Apply.FamilyAssistant;

/// <summary>A family asks for a family assistant (ustawa o wspieraniu rodziny, art. 8-17).</summary>
public sealed class FamilyAssistantJourney : JourneyDefinition<FamilyAssistantState>
{
    public static readonly IReadOnlyList<string> Roles = ["Parent", "Guardian", "Pregnant", "Relative"];
    public static readonly IReadOnlyList<string> ContactWays = ["Phone", "Email", "Letter"];

    /// <summary>What an assistant helps with (art. 15), as the family would put it.</summary>
    public static readonly IReadOnlyList<string> HelpAreas =
        ["Upbringing", "Household", "School", "Offices", "Work", "Health", "Relations"];

    public override string Name => "family-assistant";
    public override string BasePath => "/apply/family-assistant";

    public override IReadOnlyList<JourneyStep> Steps { get; } =
    [
        new("about-you", "About you"),
        new("contact", "Address and contact"),
        new("household", "Your household"),
        new("situation", "Your situation"),
        new("documents", "Documents"),
    ];

    public override IReadOnlyList<SummarySection> Summarize(FamilyAssistantState state, IStringLocalizer l)
    {
        var you = state.AboutYou;
        var contact = state.Contact;
        var situation = state.Situation;
        var children = state.Household.Children.Where(c => !c.IsEmpty).ToList();
        return
        [
            new(l["About you"], [
                new(l["Who is asking"], l[$"Role {you.Role}"], "about-you"),
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
            new(l["Your household"], [
                new(l["Children"], Answer.Join("; ", children.Select<ChildAnswers, Answer>(c => $"{c.FirstName} ({c.DateOfBirth})")), "household"),
                new(l["Other people in the household"], state.Household.OtherMembers ?? "", "household"),
            ]),
            new(l["Your situation"], [
                new(l["What is hard for your family now?"], situation.Difficulties ?? "", "situation"),
                new(l["What would you like help with?"], string.Join("; ", situation.HelpWanted.Select(h => l[$"Help {h}"].Value).Append(situation.HelpOther).Where(s => !string.IsNullOrWhiteSpace(s))), "situation"),
                new(l["Have you had help from the office or others before?"], situation.EarlierHelp is null ? "" : $"{l[situation.EarlierHelp]} {situation.EarlierHelpDetails}".Trim(), "situation"),
            ]),
        ];
    }
}
