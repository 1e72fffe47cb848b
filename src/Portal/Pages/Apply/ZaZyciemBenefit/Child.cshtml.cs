using System.Globalization;
using Parasol.Core.Benefits;
using Parasol.Core.Time;
using Parasol.Core.Validation;

namespace Parasol.Portal.Pages.Apply.ZaZyciemBenefit;

public sealed class ChildModel(TimeProvider time) : StepPageModel<BenefitJourney, BenefitState, BenefitChildAnswers>
{
    public override string Slug => "child";

    /// <summary>A date of birth the step accepts (within the 12 months to apply), so the example never goes stale.</summary>
    public string DateOfBirthExample => DateAnswer.Example(WarsawTime.Today(time).AddMonths(-2));

    protected override BenefitChildAnswers Read(BenefitState state) => state.Child;

    protected override void Write(BenefitState state, BenefitChildAnswers answers) => state.Child = answers;

    protected override void Validate(BenefitChildAnswers a)
    {
        var today = WarsawTime.Today(time);
        Require(a.FirstName, "Answers.FirstName", "Enter the child's first name");
        MaxLength(a.FirstName, 100, "Answers.FirstName");
        Require(a.LastName, "Answers.LastName", "Enter the child's last name");
        MaxLength(a.LastName, 100, "Answers.LastName");
        if (!string.IsNullOrWhiteSpace(a.Pesel) && !Pesel.IsValid(a.Pesel.Trim(), today))
        {
            Error("Answers.Pesel", "Enter a valid PESEL number of the child, or leave it empty if the child has none yet");
        }
        if (a.DateOfBirth.ToDate() is not { } born || born > today)
        {
            ModelState.AddModelError("Answers.DateOfBirth", L["Enter the child's date of birth as a real date, for example {0}", DateOfBirthExample]);
        }
        else if (!OneTimeBenefitRules.IsInTime(born, today))
        {
            // A late application is left unexamined (art. 10 ust. 4): stop here and say why, rather than accept it.
            ModelState.AddModelError("Answers.DateOfBirth", L["More than 12 months have passed since the birth: the last day to apply was {0}. An application now would be left unexamined.",
                OneTimeBenefitRules.LastDayToApply(born).ToString("d MMMM yyyy", CultureInfo.CurrentCulture)]);
        }
        if (!OneTimeBenefitRules.CertifyingSpecialties.Contains(a.Specialty ?? ""))
        {
            Error("Answers.Specialty", "Select the specialty of the doctor who issued the diagnosis certificate");
        }
    }
}
