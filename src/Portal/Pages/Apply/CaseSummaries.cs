using System.Text.Json;
using Microsoft.Extensions.Localization;
using Parasol.Core.Cases;
using Parasol.Core.Deadlines;
using Parasol.Core.Journeys;
using Parasol.Portal.Pages.Apply.FamilyAssistant;

namespace Parasol.Portal.Pages.Apply;

/// <summary>Reads a submitted case's answers back the way its journey showed them, for the receipt.</summary>
public static class CaseSummaries
{
    public static IReadOnlyList<SummarySection> For(Case @case, IStringLocalizer l) => @case.Type switch
    {
        CaseType.AssistantRequest => new FamilyAssistantJourney().Summarize(Read<FamilyAssistantState>(@case), l),
        CaseType.Referral => new Refer.ReferralJourney().Summarize(Read<Refer.ReferralState>(@case), l),
        CaseType.ZaZyciemSupport => new ZaZyciemSupport.SupportJourney().Summarize(Read<ZaZyciemSupport.SupportState>(@case), l),
        CaseType.OneTimeBenefit => new ZaZyciemBenefit.BenefitJourney().Summarize(Read<ZaZyciemBenefit.BenefitState>(@case), l),
        CaseType.AccessibilityRequest => Read<AccessibilityRequest.AccessibilityRequestAnswers>(@case).Summarize(l),
        _ => [],
    };

    private static T Read<T>(Case @case)
        where T : new() => JsonSerializer.Deserialize<T>(@case.AnswersJson, JourneyStore.Json) ?? new T();

    /// <summary>When the family should hear from the office, by the rules for each kind of case (DOMAIN.md).</summary>
    public static DateOnly NextStepBy(Case @case, DateOnly received) => @case.Type switch
    {
        // The dates stored at submission, which staff see in the queue; the formulas only for cases stored before that.
        CaseType.OneTimeBenefit => @case.DecisionDueOn ?? received.AddMonths(1),
        CaseType.AccessibilityRequest => @case.DecisionDueOn ?? CaseDeadlines.AccessibilityAnswerDue(received),
        _ => @case.InterviewDueOn ?? (@case.IsUrgent ? received.AddDays(2) : received.AddDays(14)),
    };
}
