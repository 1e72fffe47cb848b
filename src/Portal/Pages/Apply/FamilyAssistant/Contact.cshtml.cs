using System.Globalization;
using Parasol.Core.Localization;
using Parasol.Core.Validation;

namespace Parasol.Portal.Pages.Apply.FamilyAssistant;

public sealed class ContactModel : StepPageModel<FamilyAssistantJourney, FamilyAssistantState, ContactAnswers>
{
    public override string Slug => "contact";

    protected override ContactAnswers Read(FamilyAssistantState state)
    {
        state.Contact.Language ??= CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        return state.Contact;
    }

    protected override void Write(FamilyAssistantState state, ContactAnswers answers) => state.Contact = answers;

    protected override void Validate(ContactAnswers a)
    {
        Require(a.Street, "Answers.Street", "Enter the street");
        MaxLength(a.Street, 200, "Answers.Street");
        Require(a.HouseNumber, "Answers.HouseNumber", "Enter the house number");
        MaxLength(a.HouseNumber, 20, "Answers.HouseNumber");
        MaxLength(a.FlatNumber, 20, "Answers.FlatNumber");
        if (Require(a.PostalCode, "Answers.PostalCode", "Enter the postal code"))
        {
            if (PostalCode.Normalize(a.PostalCode) is { } code)
            {
                a.PostalCode = code;
            }
            else
            {
                Error("Answers.PostalCode", "Enter the postal code as two digits, a dash and three digits, for example 44-230");
            }
        }
        Require(a.City, "Answers.City", "Enter the town or city");
        MaxLength(a.City, 100, "Answers.City");
        ContactDetails.Validate(a.Phone, a.Email, a.PreferredContact, "Answers", Error);
        if (!ParasolCultures.IsSupported(a.Language))
        {
            Error("Answers.Language", "Select the language we should write to you in");
        }
    }
}
