namespace Parasol.Core.Cases;

public enum CaseType
{
    AssistantRequest = 1,
    ZaZyciemSupport = 2,
    OneTimeBenefit = 3,
    Referral = 4,
    AccessibilityRequest = 5,
}
