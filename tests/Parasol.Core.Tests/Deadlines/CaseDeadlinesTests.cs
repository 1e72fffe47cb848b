using Parasol.Core.Cases;
using Parasol.Core.Deadlines;
using Parasol.Core.Time;

namespace Parasol.Core.Tests.Deadlines;

public class CaseDeadlinesTests
{
    private static readonly DeadlineOptions Options = new();

    [Fact]
    public void The_kpa_clock_stops_while_the_office_waits_for_the_applicant()
    {
        var received = new DateOnly(2026, 3, 2);
        List<CaseEvent> timeline = [Event(2026, 3, 10, CaseEventKind.CompletionRequested)];

        Assert.Null(CaseDeadlines.DecisionDue(received, timeline, Options));

        timeline.Add(Event(2026, 3, 20, CaseEventKind.CompletionReceived));
        // 2 April + 10 days waited = Sunday 12 April → Monday 13 April.
        Assert.Equal(new DateOnly(2026, 4, 13), CaseDeadlines.DecisionDue(received, timeline, Options));
    }

    [Fact]
    public void Without_pauses_the_decision_is_due_a_month_after_receipt_on_a_working_day() =>
        // 24 December 2025 is a holiday, then Christmas and the weekend.
        Assert.Equal(new DateOnly(2025, 12, 29), CaseDeadlines.DecisionDue(new DateOnly(2025, 11, 24), [], Options));

    [Theory]
    [InlineData("2026-04-03", false, "2026-04-17")]
    [InlineData("2026-04-03", true, "2026-04-08")] // Good Friday; the weekend and Easter Monday do not count
    [InlineData("2027-12-22", true, "2027-12-27")] // Thursday 23rd, then 24-26 December → Monday 27th
    [InlineData("2025-06-05", false, "2025-06-20")] // the 19th is Corpus Christi → Friday 20th
    public void The_community_interview_is_due_in_14_days_or_2_working_days_when_urgent(string received, bool urgent, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), CaseDeadlines.InterviewDue(DateOnly.Parse(received), urgent, Options));

    private static CaseEvent Event(int year, int month, int day, CaseEventKind kind) =>
        new() { Kind = kind, OccurredAt = WarsawTime.ToUtc(new DateOnly(year, month, day), new TimeOnly(10, 0)) };
}
