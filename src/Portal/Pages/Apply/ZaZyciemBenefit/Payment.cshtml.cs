using Parasol.Core.Validation;

namespace Parasol.Portal.Pages.Apply.ZaZyciemBenefit;

public sealed class PaymentModel : StepPageModel<BenefitJourney, BenefitState, BenefitPaymentAnswers>
{
    public override string Slug => "payment";

    protected override BenefitPaymentAnswers Read(BenefitState state) => state.Payment;

    protected override void Write(BenefitState state, BenefitPaymentAnswers answers) => state.Payment = answers;

    protected override void Validate(BenefitPaymentAnswers a)
    {
        if (!BenefitJourney.Methods.Contains(a.Method ?? ""))
        {
            Error("Answers.Method", "Select how we should pay the benefit");
        }
        if (a.Method == "Bank")
        {
            if (Require(a.Iban, "Answers.Iban", "Enter the bank account number"))
            {
                if (PolishIban.Normalize(a.Iban) is { } iban)
                {
                    a.Iban = PolishIban.Format(iban);
                }
                else
                {
                    Error("Answers.Iban", "Enter a Polish bank account number of 26 digits; check it for typing errors");
                }
            }
        }
        else
        {
            a.Iban = null;
        }
        Require(a.Street, "Answers.Street", "Enter the street");
        MaxLength(a.Street, 200, "Answers.Street");
        Require(a.HouseNumber, "Answers.HouseNumber", "Enter the house number");
        MaxLength(a.HouseNumber, 20, "Answers.HouseNumber");
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
    }
}
