namespace Parasol.Core.Deadlines;

/// <summary>The time limits an office may set differently (DOMAIN.md marks them configurable). Section <c>Deadlines</c>.</summary>
public sealed class DeadlineOptions
{
    public const string SectionName = "Deadlines";

    /// <summary>KPA art. 35: one month for a case that needs investigation.</summary>
    public int DecisionMonths { get; set; } = 1;

    public int InterviewDays { get; set; } = 14;
    public int UrgentInterviewWorkingDays { get; set; } = 2;
    public int PeriodicAssessmentMonths { get; set; } = 6;

    /// <summary>
    /// How long an assistant monitors a family after the work ends (no statutory length; offices commonly keep in touch
    /// for about half a year). When it runs out, the worker is told so that the case can be closed.
    /// </summary>
    public int MonitoringMonths { get; set; } = 6;

    /// <summary>Days before the completion deadline when the applicant is reminded.</summary>
    public int CompletionReminderDays { get; set; } = 2;

    /// <summary>Days ahead that count as "approaching" in the staff summary.</summary>
    public int ApproachingDays { get; set; } = 3;
}
