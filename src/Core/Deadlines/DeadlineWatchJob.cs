using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Parasol.Core.Cases;
using Parasol.Core.Data;
using Parasol.Core.Jobs;
using Parasol.Core.Mail;
using Parasol.Core.Outbox;
using Parasol.Core.Staff;
using Parasol.Core.Time;

namespace Parasol.Core.Deadlines;

/// <summary>
/// Once a day: recomputes every open case's deadlines, flags on the timeline what has run out (never acting on it: a
/// lapsed completion request is a proposal to the worker, not a decision), and writes one summary e-mail per person and a
/// digest for the director.
/// </summary>
public sealed class DeadlineWatchJob(ParasolDbContext db, TimeProvider time, IOptions<DeadlineOptions> options)
{
    private static readonly CaseStatus[] BeforeOutcome =
    [
        CaseStatus.Received, CaseStatus.WithSocialWorker, CaseStatus.InterviewPlanned, CaseStatus.InterviewDone,
        CaseStatus.ProposalToDirector, CaseStatus.CompletionRequested,
    ];

    [AutomaticRetry(Attempts = 3)]
    [Queue(JobQueues.Maintenance)]
    public async Task ExecuteAsync(CancellationToken cancellationToken)
    {
        var today = WarsawTime.Today(time);
        var o = options.Value;
        var open = Enum.GetValues<CaseStatus>().Where(s => s.IsOpen()).ToList();
        var lines = new Dictionary<Guid, List<string>>();
        var overdue = 0;
        var ids = await db.Cases.Where(c => open.Contains(c.Status)).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(cancellationToken);
        foreach (var batch in ids.Chunk(200))
        {
            var cases = await db.Cases.Include(c => c.Events).Where(c => batch.Contains(c.Id)).ToListAsync(cancellationToken);
            foreach (var c in cases)
            {
                var found = Watch(c, today, o);
                overdue += found.Count(f => f.Overdue);
                foreach (var person in new[] { c.SocialWorkerId, c.FamilyAssistantId }.OfType<Guid>().Distinct())
                {
                    foreach (var (text, _) in found)
                    {
                        (lines.TryGetValue(person, out var list) ? list : lines[person] = []).Add($"{c.Number}: {text}");
                    }
                }
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        await WriteSummariesAsync(lines, cancellationToken);
        await WriteDirectorDigestAsync(overdue, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Recomputes the case's dates and returns what to tell its people; new lapses are flagged on the timeline.</summary>
    internal List<(string Text, bool Overdue)> Watch(Case c, DateOnly today, DeadlineOptions o)
    {
        CaseDeadlines.Recompute(c, o);

        var found = new List<(string, bool)>();
        void Check(DateOnly? due, string what, string? proposal = null)
        {
            if (due is not { } d || d.DayNumber - today.DayNumber > o.ApproachingDays)
            {
                return;
            }
            if (d < today)
            {
                var text = $"minął termin: {what} ({d:yyyy-MM-dd}).{(proposal is null ? "" : " " + proposal)}";
                found.Add((text, true));
                Flag(c, text);
            }
            else
            {
                found.Add(($"zbliża się termin: {what} ({d:yyyy-MM-dd}).", false));
            }
        }

        if (c.Status == CaseStatus.CompletionRequested)
        {
            Check(c.CompletionDueOn, "uzupełnienie braków", "Zaproponuj pozostawienie wniosku bez rozpoznania (KPA art. 64 § 2).");
        }
        if (CaseDeadlines.BeforeInterview.Contains(c.Status) && c.Type != CaseType.AccessibilityRequest)
        {
            Check(c.InterviewDueOn, "wywiad środowiskowy");
        }
        if (BeforeOutcome.Contains(c.Status) && c.Status != CaseStatus.CompletionRequested)
        {
            Check(c.DecisionDueOn, "załatwienie sprawy (KPA art. 35)");
        }
        if (c.Status == CaseStatus.WorkWithFamily)
        {
            Check(NextAssessment(c, today, o), "okresowa ocena sytuacji rodziny");
        }
        if (c.Status == CaseStatus.Monitoring)
        {
            Check(c.MonitoringEndsOn, "koniec monitorowania rodziny", "Zaproponuj zamknięcie sprawy.");
        }
        return found;
    }

    /// <summary>Every N months from the start of work with the family; the first such date not yet a period behind.</summary>
    internal static DateOnly NextAssessment(Case c, DateOnly today, DeadlineOptions o)
    {
        var started = c.Events.Where(e => e.Kind == CaseEventKind.StatusChanged && e.NewStatus == CaseStatus.WorkWithFamily)
            .Select(e => e.OccurredAt).DefaultIfEmpty(c.ReceivedAt).Max();
        var start = DateOnly.FromDateTime(WarsawTime.ToWarsaw(started).DateTime);
        var k = 1;
        while (start.AddMonths(k * o.PeriodicAssessmentMonths) < today.AddDays(-o.ApproachingDays))
        {
            k++;
        }
        return start.AddMonths(k * o.PeriodicAssessmentMonths);
    }

    private void Flag(Case c, string text)
    {
        if (!c.Events.Any(e => e.Kind == CaseEventKind.DeadlineFlagged && e.Text == text))
        {
            c.Events.Add(new CaseEvent { CaseId = c.Id, OccurredAt = time.GetUtcNow(), Kind = CaseEventKind.DeadlineFlagged, Text = text });
        }
    }

    private async Task WriteSummariesAsync(Dictionary<Guid, List<string>> lines, CancellationToken cancellationToken)
    {
        foreach (var (person, list) in lines)
        {
            await AddOnceTodayAsync(MailTemplate.StaffDailySummary, person, string.Join('\n', list.Order(StringComparer.Ordinal)), cancellationToken);
        }
    }

    private async Task WriteDirectorDigestAsync(int overdue, CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow().AddDays(-1);
        var open = Enum.GetValues<CaseStatus>().Where(s => s.IsOpen()).ToList();
        var received = await db.Cases.CountAsync(c => c.ReceivedAt >= since, cancellationToken);
        var urgent = await db.Cases.CountAsync(c => c.IsUrgent && open.Contains(c.Status), cancellationToken);
        var loads = await (
            from user in db.Users
            join userRole in db.UserRoles on user.Id equals userRole.UserId
            join role in db.Roles on userRole.RoleId equals role.Id
            where role.Name == StaffRole.FamilyAssistant && user.IsActive
            select new { user.FirstName, user.LastName, Families = db.Cases.Count(c => c.FamilyAssistantId == user.Id && open.Contains(c.Status)) })
            .ToListAsync(cancellationToken);
        var digest = new List<string>
        {
            $"Nowe sprawy (ostatnie 24 godziny): {received}",
            $"Pilne otwarte sprawy: {urgent}",
            $"Przekroczone terminy: {overdue}",
        };
        digest.AddRange(loads.OrderBy(l => l.LastName, StringComparer.Ordinal).Select(l => $"Asystent {l.FirstName} {l.LastName}: {l.Families} rodzin"));
        var directors = await (
            from userRole in db.UserRoles
            join role in db.Roles on userRole.RoleId equals role.Id
            join user in db.Users on userRole.UserId equals user.Id
            where role.Name == StaffRole.Director && user.IsActive
            select user.Id).ToListAsync(cancellationToken);
        foreach (var director in directors)
        {
            await AddOnceTodayAsync(MailTemplate.DirectorDigest, director, string.Join('\n', digest), cancellationToken);
        }
    }

    private async Task AddOnceTodayAsync(MailTemplate template, Guid staffId, string payload, CancellationToken cancellationToken)
    {
        var startOfDay = WarsawTime.ToUtc(WarsawTime.Today(time), TimeOnly.MinValue);
        if (await db.OutboxMessages.AnyAsync(m => m.Template == template && m.RecipientStaffId == staffId && m.CreatedAt >= startOfDay, cancellationToken))
        {
            return;
        }
        var now = time.GetUtcNow();
        db.OutboxMessages.Add(new OutboxMessage
        {
            Kind = OutboxKind.Email,
            Template = template,
            RecipientStaffId = staffId,
            Language = "pl",
            Payload = payload,
            CreatedAt = now,
            DueAt = now,
        });
    }
}
