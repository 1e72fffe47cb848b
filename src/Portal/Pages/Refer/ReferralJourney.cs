using Microsoft.Extensions.Localization;
using Parasol.Portal.Pages.Apply;

namespace Parasol.Portal.Pages.Refer;

/// <summary>A school, court, health service, the police or another institution refers a family that needs support.</summary>
public sealed class ReferralJourney : JourneyDefinition<ReferralState>
{
    public static readonly IReadOnlyList<string> InstitutionTypes = ["School", "FamilyCourt", "HealthService", "Police", "Other"];
    public static readonly IReadOnlyList<string> Urgencies = ["Immediate", "Urgent", "Normal"];
    public static readonly IReadOnlyList<string> BlueCardAnswers = ["Open", "MayBeNeeded", "No"];
    public static readonly IReadOnlyList<string> ParentsKnowAnswers = ["Yes", "No", "NotSure"];

    public override string Name => "refer";
    public override string BasePath => "/refer";

    public override IReadOnlyList<JourneyStep> Steps { get; } =
    [
        new("institution", "Your institution"),
        new("family", "The family"),
        new("concern", "What you are concerned about"),
        new("documents", "Documents"),
    ];

    public override IReadOnlyList<SummarySection> Summarize(ReferralState state, IStringLocalizer l)
    {
        var i = state.Institution;
        var f = state.Family;
        var c = state.Concern;
        string Choice(string prefix, string? value) => value is null ? "" : l[$"{prefix} {value}"];
        return
        [
            new(l["Your institution"], [
                new(l["Type of institution"], Choice("Institution", i.Type), "institution"),
                new(l["Name of the institution"], i.Name ?? "", "institution"),
                new(l["Court case signature"], i.CourtCaseSignature ?? "", "institution"),
                new(l["Person reporting"], $"{i.ContactPerson}, {i.ContactRole}", "institution"),
                new(l["E-mail address"], i.Email ?? "", "institution"),
                new(l["Phone number"], i.Phone ?? "", "institution"),
            ]),
            new(l["The family"], [
                new(l["Child"], $"{f.ChildFirstName} {f.ChildLastName} {f.SchoolClass}", "family"),
                new(l["Parents or carers"], f.ParentNames ?? "", "family"),
                new(l["Address"], string.IsNullOrWhiteSpace(f.Street) ? "" : AddressAnswers.Summary(f), "family"),
            ]),
            new(l["What you are concerned about"], [
                new(l["What have you observed?"], c.Observed ?? "", "concern"),
                new(l["What has your institution already done?"], c.ActionsTaken ?? "", "concern"),
                new(l["Do the parents know about this referral?"], Choice("ParentsKnow", c.ParentsKnow), "concern"),
                new(l["How urgent is it?"], Choice("Urgency", c.Urgency), "concern"),
                new(l["Is a Niebieska Karta (Blue Card) procedure open?"], Choice("BlueCard", c.BlueCard), "concern"),
            ]),
        ];
    }
}
