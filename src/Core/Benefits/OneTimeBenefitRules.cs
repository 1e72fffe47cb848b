namespace Parasol.Core.Benefits;

public enum BenefitApplicantRole
{
    Mother = 1,
    Father = 2,
    LegalGuardian = 3,
    AdoptingCarer = 4,
}

/// <summary>The "Za życiem" one-time benefit of 4,000 zł (ustawa z 4 listopada 2016 r., art. 10).</summary>
public static class OneTimeBenefitRules
{
    /// <summary>
    /// The last day an application counts: 12 months after the birth, on the same day of the month, or the month's
    /// last day when it has none (KPA art. 57 § 3): born 2017-02-08 → 2018-02-08; born 29 February → 28 February.
    /// </summary>
    public static DateOnly LastDayToApply(DateOnly born) => born.AddMonths(12);

    public static bool IsInTime(DateOnly born, DateOnly today) => today <= LastDayToApply(born);

    /// <summary>Only the mother shows the certificate of medical care from the 10th week of pregnancy at the latest.</summary>
    public static bool NeedsPregnancyCareCertificate(BenefitApplicantRole role) => role == BenefitApplicantRole.Mother;

    /// <summary>The specialisations whose holder may issue the diagnosis certificate (art. 10 ust. 3).</summary>
    public static readonly IReadOnlyList<string> CertifyingSpecialties =
        ["ObstetricsGynaecology", "Perinatology", "Neonatology", "PaediatricNeurology", "PaediatricCardiology", "PaediatricSurgery"];
}
