using Parasol.Core.Time;
using Parasol.Core.Validation;

namespace Parasol.Portal.Pages.Apply.FamilyAssistant;

public sealed class AboutYouModel(TimeProvider time) : StepPageModel<FamilyAssistantJourney, FamilyAssistantState, AboutYouAnswers>
{
    public override string Slug => "about-you";

    protected override AboutYouAnswers Read(FamilyAssistantState state) => state.AboutYou;

    protected override void Write(FamilyAssistantState state, AboutYouAnswers answers) => state.AboutYou = answers;

    protected override void Validate(AboutYouAnswers a)
    {
        if (!FamilyAssistantJourney.Roles.Contains(a.Role ?? ""))
        {
            Error("Answers.Role", "Select who is asking for help");
        }
        if (Require(a.FirstName, "Answers.FirstName", "Enter your first name"))
        {
            MaxLength(a.FirstName, 100, "Answers.FirstName");
        }
        if (Require(a.LastName, "Answers.LastName", "Enter your last name"))
        {
            MaxLength(a.LastName, 100, "Answers.LastName");
        }
        var today = WarsawTime.Today(time);
        if (!string.IsNullOrWhiteSpace(a.Pesel))
        {
            a.Pesel = a.Pesel.Trim();
            if (!Pesel.IsValid(a.Pesel, today))
            {
                Error("Answers.Pesel", "Enter a valid PESEL number: 11 digits, as on your ID card");
            }
        }
        else if (a.DateOfBirth.IsEmpty)
        {
            Error("Answers.Pesel", "Enter your PESEL number or, if you have none, your date of birth");
        }
        else if (a.DateOfBirth.ToDate() is not { } born || born > today)
        {
            Error("Answers.DateOfBirth", "Enter your date of birth as a real date in the past, for example 27 3 1990");
        }
    }
}
