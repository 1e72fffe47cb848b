using Microsoft.Extensions.Localization;
using Parasol.Core.Benefits;

namespace Parasol.Portal.Pages.Apply.ZaZyciemBenefit;

/// <summary>The one-time "Za życiem" benefit of 4,000 zł: a formal KPA application.</summary>
public sealed class BenefitJourney : JourneyDefinition<BenefitState>
{
    public static readonly IReadOnlyList<string> Roles = Enum.GetNames<BenefitApplicantRole>();
    public static readonly IReadOnlyList<string> Methods = ["Bank", "Post"];

    public override string Name => "za-zyciem-benefit";
    public override string BasePath => "/apply/za-zyciem-benefit";

    public override IReadOnlyList<JourneyStep> Steps { get; } =
    [
        new("applicant", "About you"),
        new("child", "The child"),
        new("payment", "Payment and address"),
        new("documents", "Certificates"),
    ];

    public override IReadOnlyList<SummarySection> Summarize(BenefitState state, IStringLocalizer l)
    {
        var a = state.Applicant;
        var c = state.Child;
        var p = state.Payment;
        return
        [
            new(l["About you"], [
                new(l["You are the child's"], a.Role is null ? "" : l[$"BenefitRole {a.Role}"], "applicant"),
                new(l["Name"], $"{a.FirstName} {a.LastName}", "applicant"),
                new(l["PESEL number"], a.Pesel ?? "", "applicant"),
                new(l["Date of birth"], a.DateOfBirth.ToString(), "applicant"),
                new(l["E-mail address"], a.Email ?? "", "applicant"),
                new(l["Phone number"], a.Phone ?? "", "applicant"),
            ]),
            new(l["The child"], [
                new(l["Name"], $"{c.FirstName} {c.LastName}", "child"),
                new(l["PESEL number"], c.Pesel ?? "", "child"),
                new(l["Date of birth"], c.DateOfBirth.ToString(), "child"),
                new(l["Specialty of the doctor who issued the certificate"], c.Specialty is null ? "" : l[$"Specialty {c.Specialty}"], "child"),
            ]),
            new(l["Payment and address"], [
                new(l["How should we pay?"], p.Method is null ? "" : l[$"Payment {p.Method}"], "payment"),
                new(l["Bank account number"], p.Iban ?? "", "payment"),
                new(l["Address"], AddressAnswers.Summary(p), "payment"),
            ]),
        ];
    }
}
