using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.Options;
using Parasol.Core.Cases;
using Parasol.Core.Data;
using Parasol.Core.Deadlines;
using Parasol.Core.Mail;
using Parasol.Core.Staff;
using Parasol.Core.Time;

namespace Parasol.Core.Outbox;

/// <summary>
/// Decides what work follows from the timeline events being saved: routing a new case, and the e-mails each kind of
/// event causes (one row per recipient).
/// </summary>
public sealed class OutboxPlanner(TimeProvider time, IOptions<DeadlineOptions> deadlineOptions, OutboxSecrets secrets)
{
    public async Task<List<OutboxMessage>> PlanAsync(ParasolDbContext db, CancellationToken cancellationToken)
    {
        db.ChangeTracker.DetectChanges();
        var added = db.ChangeTracker.Entries<CaseEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        var rows = new List<OutboxMessage>();
        if (added.Count == 0)
        {
            return rows;
        }
        var now = time.GetUtcNow();
        List<Guid>? directors = null;
        foreach (var e in added)
        {
            if (!CanCauseWork(e))
            {
                // An e-mail sent, a note, a deadline flagged: nothing follows, so the case is not read for it (each
                // e-mail job saves such an event without the case tracked: a whole case read and tracked for nothing).
                continue;
            }
            var entry = db.ChangeTracker.Entries<Case>().FirstOrDefault(c => c.Entity.Id == e.CaseId)
                ?? db.Entry(await db.Cases.SingleAsync(c => c.Id == e.CaseId, cancellationToken));
            var c = entry.Entity;
            OutboxMessage Mail(MailTemplate template, string? email, Guid? staffId, string language, DateTimeOffset? dueAt = null, string? payload = null) => new()
            {
                Kind = OutboxKind.Email,
                Template = template,
                CaseId = c.Id,
                RecipientEmail = email,
                RecipientStaffId = staffId,
                Language = language,
                Payload = payload,
                CreatedAt = now,
                DueAt = dueAt ?? now,
            };
            IEnumerable<OutboxMessage> ToApplicant(MailTemplate template, DateTimeOffset? dueAt = null, string? payload = null) =>
                ApplicantAddresses(c).Select(address => Mail(template, address, null, c.Language, dueAt, payload));

            switch (e.Kind)
            {
                case CaseEventKind.Received:
                    rows.Add(new OutboxMessage { Kind = OutboxKind.RouteCase, CaseId = c.Id, Language = c.Language, CreatedAt = now, DueAt = now });
                    rows.AddRange(ToApplicant(MailTemplate.Receipt, payload: secrets.Protect(c.IssuedAccessCode)));
                    break;
                case CaseEventKind.StatusChanged when OutcomeTemplate(e.NewStatus) is { } outcome:
                    rows.AddRange(ToApplicant(outcome));
                    break;
                case CaseEventKind.CompletionRequested:
                    rows.AddRange(ToApplicant(MailTemplate.CompletionRequest));
                    if (c.CompletionDueOn is { } due)
                    {
                        var remindAt = WarsawTime.ToUtc(CaseDeadlines.CompletionReminderOn(due, deadlineOptions.Value), new TimeOnly(8, 0));
                        if (remindAt > now)
                        {
                            rows.AddRange(ToApplicant(MailTemplate.CompletionReminder, remindAt));
                        }
                    }
                    break;
                case CaseEventKind.CompletionReceived:
                    // The family's proof that the documents arrived in time (KPA art. 64 § 2), with the moment they did.
                    rows.AddRange(ToApplicant(MailTemplate.CompletionReceived,
                        payload: e.OccurredAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture)));
                    break;
                case CaseEventKind.AccessCodeReissued:
                    // The new code, set on the tracked case by the workflow; this row holds it encrypted until it is sent.
                    rows.AddRange(ToApplicant(MailTemplate.NewAccessCode, payload: secrets.Protect(c.IssuedAccessCode)));
                    break;
                case CaseEventKind.Assigned or CaseEventKind.Routed:
                    foreach (var staffId in NewlyAssigned(entry))
                    {
                        rows.Add(Mail(MailTemplate.AssignedToYou, null, staffId, "pl"));
                    }
                    if (e.Kind == CaseEventKind.Routed && c.IsUrgent)
                    {
                        directors ??= await DirectorsAsync(db, cancellationToken);
                        rows.AddRange(UrgentRecipients(c, directors).Select(id => Mail(MailTemplate.UrgentCase, null, id, "pl")));
                    }
                    break;
                case CaseEventKind.MarkedUrgent:
                    directors ??= await DirectorsAsync(db, cancellationToken);
                    rows.AddRange(UrgentRecipients(c, directors).Select(id => Mail(MailTemplate.UrgentCase, null, id, "pl")));
                    break;
                default:
                    break;
            }
        }
        return rows;
    }

    /// <summary>
    /// Whether an event of this kind can cause work in <see cref="PlanAsync"/>; every kind its switch acts on must be
    /// here (OutboxPlannerTests tries every kind and status against it).
    /// </summary>
    internal static bool CanCauseWork(CaseEvent e) => e.Kind switch
    {
        CaseEventKind.Received or CaseEventKind.CompletionRequested or CaseEventKind.CompletionReceived or CaseEventKind.Assigned
            or CaseEventKind.Routed or CaseEventKind.MarkedUrgent or CaseEventKind.AccessCodeReissued => true,
        CaseEventKind.StatusChanged => OutcomeTemplate(e.NewStatus) is not null,
        _ => false,
    };

    /// <summary>
    /// Who hears from the office about a case: the referring institution for a referral (the family may not know of it
    /// yet), otherwise the applicant's e-mail.
    /// </summary>
    public static IEnumerable<string> ApplicantAddresses(Case c)
    {
        if (c.ReferringInstitution is { } institution)
        {
            if (!string.IsNullOrWhiteSpace(institution.Email))
            {
                yield return institution.Email.Trim();
            }
        }
        else if (!string.IsNullOrWhiteSpace(c.ContactEmail))
        {
            yield return c.ContactEmail.Trim();
        }
    }

    private static MailTemplate? OutcomeTemplate(CaseStatus? status) => status switch
    {
        CaseStatus.AssistantAssigned => MailTemplate.OutcomeAssistantAssigned,
        CaseStatus.Refused => MailTemplate.OutcomeRefused,
        CaseStatus.ReferredElsewhere => MailTemplate.OutcomeReferredElsewhere,
        _ => null,
    };

    /// <summary>The social worker or assistant set in this very save (an Assigned event says someone was; the case says who).</summary>
    private static IEnumerable<Guid> NewlyAssigned(EntityEntry<Case> entry)
    {
        foreach (var property in new[] { nameof(Case.SocialWorkerId), nameof(Case.FamilyAssistantId) })
        {
            var p = entry.Property(property);
            var current = (Guid?)p.CurrentValue;
            var original = entry.State == EntityState.Added ? null : (Guid?)p.OriginalValue;
            if (current is { } id && current != original)
            {
                yield return id;
            }
        }
    }

    private static IEnumerable<Guid> UrgentRecipients(Case c, List<Guid> directors) =>
        c.SocialWorkerId is { } worker ? directors.Append(worker).Distinct() : directors;

    private static Task<List<Guid>> DirectorsAsync(ParasolDbContext db, CancellationToken cancellationToken) =>
        (from userRole in db.UserRoles
         join role in db.Roles on userRole.RoleId equals role.Id
         join user in db.Users on userRole.UserId equals user.Id
         where role.Name == StaffRole.Director && user.IsActive
         select user.Id).ToListAsync(cancellationToken);
}
