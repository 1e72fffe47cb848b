using Parasol.Core.Benefits;

namespace Parasol.Core.Tests.Benefits;

public sealed class OneTimeBenefitRulesTests
{
    [Theory]
    [InlineData("2017-02-08", "2018-02-08")] // DOMAIN.md's worked example
    [InlineData("2024-02-29", "2025-02-28")] // born on 29 February
    [InlineData("2023-02-28", "2024-02-28")]
    [InlineData("2025-12-31", "2026-12-31")]
    [InlineData("2025-08-31", "2026-08-31")]
    public void The_last_day_is_twelve_months_after_the_birth(string born, string lastDay) =>
        Assert.Equal(DateOnly.Parse(lastDay, System.Globalization.CultureInfo.InvariantCulture),
            OneTimeBenefitRules.LastDayToApply(DateOnly.Parse(born, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2018-02-08", true)]
    [InlineData("2018-02-09", false)]
    [InlineData("2017-02-08", true)]
    public void An_application_on_the_last_day_is_in_time_and_the_day_after_is_late(string today, bool inTime) =>
        Assert.Equal(inTime, OneTimeBenefitRules.IsInTime(new DateOnly(2017, 2, 8), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(BenefitApplicantRole.Mother, true)]
    [InlineData(BenefitApplicantRole.Father, false)]
    [InlineData(BenefitApplicantRole.LegalGuardian, false)]
    [InlineData(BenefitApplicantRole.AdoptingCarer, false)]
    public void Only_the_mother_needs_the_certificate_of_care_from_the_tenth_week(BenefitApplicantRole role, bool needed) =>
        Assert.Equal(needed, OneTimeBenefitRules.NeedsPregnancyCareCertificate(role));
}
