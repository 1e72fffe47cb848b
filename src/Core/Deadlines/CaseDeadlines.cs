using Parasol.Core.Cases;
using Parasol.Core.Time;

namespace Parasol.Core.Deadlines;

/// <summary>Computes a case's legal deadlines from its timeline.</summary>
public static class CaseDeadlines
{
    /// <summary>Until the community interview has been held, its deadline stands.</summary>
    internal static readonly CaseStatus[] BeforeInterview = [CaseStatus.Received, CaseStatus.WithSocialWorker, CaseStatus.InterviewPlanned];

    /// <summary>
    /// Sets the case's dates from its timeline as they stand today: the decision limit (or the accessibility answer's),
    /// the interview's while it has not been held, the end of monitoring. The same rule at submission (so the date the
    /// family is told is the date staff see at once) and in the daily deadline watch.
    /// </summary>
    public static void Recompute(Case c, DeadlineOptions options)
    {
        var received = DateOnly.FromDateTime(WarsawTime.ToWarsaw(c.ReceivedAt).DateTime);
        c.DecisionDueOn = c.Type == CaseType.AccessibilityRequest
            ? AccessibilityAnswerDue(received)
            : DecisionDue(received, c.Events, options) ?? c.DecisionDueOn;
        if (BeforeInterview.Contains(c.Status) && c.Type != CaseType.AccessibilityRequest)
        {
            c.InterviewDueOn = InterviewDue(received, c.IsUrgent, options);
        }
        c.MonitoringEndsOn = c.Status == CaseStatus.Monitoring ? MonitoringEnds(c.Events, options) : null;
    }

    /// <summary>The community interview: 14 days, or 2 working days when urgent.</summary>
    public static DateOnly InterviewDue(DateOnly receivedOn, bool urgent, DeadlineOptions options) =>
        urgent
            ? KpaCalendar.AddWorkingDays(receivedOn, options.UrgentInterviewWorkingDays)
            : KpaCalendar.AddDays(receivedOn, options.InterviewDays);

    /// <summary>
    /// KPA art. 35: the decision limit counted from receipt, extended by every day the office waited for the applicant
    /// (from a completion request to the completion). While the office is still waiting there is no date: the clock is
    /// stopped, so null is returned.
    /// </summary>
    public static DateOnly? DecisionDue(DateOnly receivedOn, IEnumerable<CaseEvent> timeline, DeadlineOptions options)
    {
        var paused = 0;
        DateOnly? pausedSince = null;
        foreach (var e in timeline.OrderBy(e => e.OccurredAt))
        {
            var day = DateOnly.FromDateTime(WarsawTime.ToWarsaw(e.OccurredAt).DateTime);
            if (e.Kind == CaseEventKind.CompletionRequested && pausedSince is null)
            {
                pausedSince = day;
            }
            else if (e.Kind == CaseEventKind.CompletionReceived && pausedSince is { } since)
            {
                paused += day.DayNumber - since.DayNumber;
                pausedSince = null;
            }
        }
        if (pausedSince is not null)
        {
            return null;
        }
        return KpaCalendar.NextWorkingDayFrom(receivedOn.AddMonths(options.DecisionMonths).AddDays(paused));
    }

    /// <summary>
    /// The end of monitoring: the configured number of months from the day the case last went into monitoring, or null
    /// while its timeline does not say when that was.
    /// </summary>
    public static DateOnly? MonitoringEnds(IEnumerable<CaseEvent> timeline, DeadlineOptions options)
    {
        var started = timeline.Where(e => e.Kind == CaseEventKind.StatusChanged && e.NewStatus == CaseStatus.Monitoring)
            .Select(e => (DateTimeOffset?)e.OccurredAt).Max();
        return started is { } at ? DateOnly.FromDateTime(WarsawTime.ToWarsaw(at).DateTime).AddMonths(options.MonitoringMonths) : null;
    }

    /// <summary>
    /// An accessibility request (art. 18 of the digital accessibility act) is answered within 7 days of its receipt
    /// (art. 19); a later date must be announced and is at most 2 months away.
    /// </summary>
    public static DateOnly AccessibilityAnswerDue(DateOnly receivedOn) => receivedOn.AddDays(7);

    /// <summary>The day the applicant is reminded of a completion request, or null when that day has already gone.</summary>
    public static DateOnly CompletionReminderOn(DateOnly dueOn, DeadlineOptions options) =>
        dueOn.AddDays(-options.CompletionReminderDays);
}
