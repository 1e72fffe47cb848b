namespace Parasol.Portal.Pages.Apply.ZaZyciemBenefit;

/// <summary>An application for the one-time "Za życiem" benefit of 4,000 zł, one section per step; stored as JSON.</summary>
public sealed class BenefitState
{
    public BenefitApplicantAnswers Applicant { get; set; } = new();
    public BenefitChildAnswers Child { get; set; } = new();
    public BenefitPaymentAnswers Payment { get; set; } = new();
}

public sealed class BenefitApplicantAnswers
{
    public string? Role { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Pesel { get; set; }

    /// <summary>Given instead of a PESEL number by an applicant who has none.</summary>
    public DateAnswer DateOfBirth { get; set; } = new();
    public string? Email { get; set; }
    public string? Phone { get; set; }
}

public sealed class BenefitChildAnswers
{
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Pesel { get; set; }
    public DateAnswer DateOfBirth { get; set; } = new();
    public string? Specialty { get; set; }
}

public sealed class BenefitPaymentAnswers : IAddressAnswers
{
    public string? Method { get; set; }
    public string? Iban { get; set; }
    public string? Street { get; set; }
    public string? HouseNumber { get; set; }
    public string? FlatNumber { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
}
