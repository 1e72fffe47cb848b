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
        ValidateAddress(a, required: true);
    }
}
