using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Parasol.Core.Access;
using Parasol.Core.Audit;
using Parasol.Core.Cases;
using Parasol.Core.Data;
using Parasol.Core.Deadlines;
using Parasol.Core.Outbox;
using Parasol.Core.Staff;
using Parasol.Core.Submissions;
using Parasol.Core.Time;

namespace Parasol.Core.Workflow;

/// <summary>
/// Every change a member of staff makes to a case: the step is checked against <see cref="CaseWorkflow"/> and the
/// person's access, a timeline event is added (the jobs helper derives e-mails and jobs from it) and the audit log
/// records who did it.
/// </summary>
public sealed class CaseWorkflowService(ParasolDbContext db, AuditLog audit, TimeProvider time, IOptions<WorkflowOptions> options,
    IOptions<DeadlineOptions> deadlines)
{
    public const string NotFound = "The case was not found or you may not see it";

    /// <summary>A note or reason longer than the timeline keeps is refused, never cut short.</summary>
    public const string TextTooLong = "At most {0} characters: this text has {1}";

    private static WorkflowResult? TooLong(string? text) =>
        text?.Length > CaseEvent.MaxTextLength ? WorkflowResult.Fail(TextTooLong, CaseEvent.MaxTextLength, text.Length) : null;

    public async Task<WorkflowResult> ChangeStatusAsync(StaffScope staff, Guid caseId, CaseStatus to, string? reason = null,
        DateOnly? completionDueOn = null, Guid? assistantId = null, CancellationToken cancellationToken = default)
    {
        var c = await staff.Cases.SingleOrDefaultAsync(x => x.Id == caseId, cancellationToken);
        if (c is null)
        {
            return WorkflowResult.Fail(NotFound);
        }
        if (CaseWorkflow.Find(c.Status, to) is not { } transition)
        {
            return WorkflowResult.Fail("A case in the state “{0}” cannot move to “{1}”", c.Status, to);
        }
        if (!transition.Roles.Any(staff.Roles.Contains))
        {
            return WorkflowResult.Fail("Your role may not move a case from “{0}” to “{1}”", c.Status, to);
        }
        reason = reason?.Trim();
        if (transition.NeedsReason && string.IsNullOrEmpty(reason))
        {
            return WorkflowResult.Fail("Give the reason");
        }
        if (TooLong(reason) is { } tooLong)
        {
            return tooLong;
        }
        var today = WarsawTime.Today(time);
        var now = time.GetUtcNow();
        if (to == CaseStatus.WithSocialWorker && c.SocialWorkerId is null)
        {
            return WorkflowResult.Fail("Assign a social worker first");
        }
        if (to == CaseStatus.CompletionRequested)
        {
            var earliest = today.AddDays(options.Value.MinimumCompletionDays);
            if (completionDueOn is not { } due || due < earliest)
            {
                return WorkflowResult.Fail("The completion deadline must be at least {0} days away, on {1} or later",
                    options.Value.MinimumCompletionDays, earliest.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            }
            c.CompletionDueOn = due;
            c.Events.Add(Event(staff, CaseEventKind.CompletionRequested, reason ?? "", now, isInternal: false));
        }
        if (c.Status == CaseStatus.CompletionRequested && to != CaseStatus.LeftUnexamined)
        {
            c.CompletionDueOn = null;
            c.Events.Add(Event(staff, CaseEventKind.CompletionReceived, "", now, isInternal: false));
        }
        if (to == CaseStatus.AssistantAssigned)
        {
            var check = await AssignAssistantAsync(staff, c, assistantId, now, cancellationToken);
            if (!check.Succeeded)
            {
                return check;
            }
        }

        c.Status = to;
        c.Events.Add(new CaseEvent
        {
            OccurredAt = now,
            Kind = CaseEventKind.StatusChanged,
            ActorId = staff.StaffId,
            NewStatus = to,
            Text = reason ?? "",
            IsInternal = false,
        });
        audit.Add(staff.StaffId, AuditAction.CaseChanged, c.Id, detail: $"status {transition.From} → {to}");
        await db.SaveChangesAsync(cancellationToken);
        return WorkflowResult.Ok;
    }

    /// <summary>Triage: give the case to a social worker (or another one); a received case moves on to them.</summary>
    public async Task<WorkflowResult> AssignSocialWorkerAsync(StaffScope staff, Guid caseId, Guid workerId, CancellationToken cancellationToken = default)
    {
        if (!staff.CanTriage)
        {
            return WorkflowResult.Fail("Your role may not assign cases");
        }
        var c = await staff.Cases.SingleOrDefaultAsync(x => x.Id == caseId, cancellationToken);
        if (c is null)
        {
            return WorkflowResult.Fail(NotFound);
        }
        if (!c.Status.IsOpen())
        {
            return WorkflowResult.Fail("The case is closed");
        }
        var worker = await ActiveInRole(StaffRole.SocialWorker)
            .Where(s => s.Id == workerId)
            .Select(s => new { s.Id, s.FirstName, s.LastName, District = s.Districts.Select(d => (Guid?)d.Id).FirstOrDefault() })
            .SingleOrDefaultAsync(cancellationToken);
        if (worker is null)
        {
            return WorkflowResult.Fail("Choose a social worker");
        }
        var now = time.GetUtcNow();
        c.SocialWorkerId = worker.Id;
        c.DistrictId ??= worker.District;
        c.Events.Add(Event(staff, CaseEventKind.Assigned, $"{worker.FirstName} {worker.LastName}", now));
        if (c.Status == CaseStatus.Received)
        {
            c.Status = CaseStatus.WithSocialWorker;
            c.Events.Add(new CaseEvent { OccurredAt = now, Kind = CaseEventKind.StatusChanged, ActorId = staff.StaffId, NewStatus = c.Status, IsInternal = false });
        }
        audit.Add(staff.StaffId, AuditAction.CaseChanged, c.Id, detail: "social worker assigned");
        await db.SaveChangesAsync(cancellationToken);
        return WorkflowResult.Ok;
    }

    /// <summary>
    /// A new access code for a family (or referrer) who lost theirs; the old one stops working at once. It goes by e-mail
    /// to the address the case was made with (the outbox, as the receipt did); only where there is none is it returned,
    /// for the staff member to hand over in person. The timeline and the audit log record that it was done, never the code.
    /// </summary>
    public async Task<(WorkflowResult Result, string? CodeToHandOver)> IssueNewAccessCodeAsync(StaffScope staff, Guid caseId,
        CancellationToken cancellationToken = default)
    {
        if (!staff.HasCaseRole)
        {
            return (WorkflowResult.Fail(NotFound), null);
        }
        var c = await staff.Cases.SingleOrDefaultAsync(x => x.Id == caseId, cancellationToken);
        if (c is null)
        {
            return (WorkflowResult.Fail(NotFound), null);
        }
        var code = AccessCode.Generate();
        c.AccessCodeHash = AccessCode.Hash(code);
        c.IssuedAccessCode = code;
        var emailed = OutboxPlanner.ApplicantAddresses(c).Any();
        c.Events.Add(Event(staff, CaseEventKind.AccessCodeReissued, "", time.GetUtcNow()));
        audit.Add(staff.StaffId, AuditAction.CaseChanged, c.Id, detail: emailed ? "new access code sent by e-mail" : "new access code handed over in person");
        await using var transaction = await db.Database.BeginWholeTransactionAsync(cancellationToken);
        // The old code, if the receipt never showed it, must not come back to the browser that sent the application.
        if (c.SubmissionKey is { } key)
        {
            await db.PendingAccessCodes.Where(p => p.SubmissionKey == key).ExecuteDeleteAsync(cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (WorkflowResult.Ok, emailed ? null : code);
    }

    public async Task<WorkflowResult> MarkUrgentAsync(StaffScope staff, Guid caseId, CancellationToken cancellationToken = default)
    {
        if (!staff.CanTriage && !staff.IsIn(StaffRole.SocialWorker))
        {
            return WorkflowResult.Fail("Your role may not mark cases urgent");
        }
        var c = await staff.Cases.SingleOrDefaultAsync(x => x.Id == caseId, cancellationToken);
        if (c is null)
        {
            return WorkflowResult.Fail(NotFound);
        }
        if (c.IsUrgent)
        {
            return WorkflowResult.Ok;
        }
        var now = time.GetUtcNow();
        c.IsUrgent = true;
        // Urgent from now on: the community interview is due within 2 working days (configurable) of today.
        var urgentDue = CaseDeadlines.InterviewDue(WarsawTime.Today(time), urgent: true, deadlines.Value);
        if (c.InterviewDueOn is null || c.InterviewDueOn > urgentDue)
        {
            c.InterviewDueOn = urgentDue;
        }
        c.Events.Add(Event(staff, CaseEventKind.MarkedUrgent, "", now));
        audit.Add(staff.StaffId, AuditAction.CaseChanged, c.Id, detail: "marked urgent");
        await db.SaveChangesAsync(cancellationToken);
        return WorkflowResult.Ok;
    }

    /// <summary>Merges a duplicate into an existing family's case, found by its case number.</summary>
    public async Task<WorkflowResult> MergeAsync(StaffScope staff, Guid caseId, string targetNumber, CancellationToken cancellationToken = default)
    {
        var target = await staff.Cases.Where(x => x.Number == targetNumber.Trim() && x.Id != caseId)
            .Select(x => new { x.Id, x.Number, x.Status }).SingleOrDefaultAsync(cancellationToken);
        if (target is null || target.Status == CaseStatus.Merged)
        {
            return WorkflowResult.Fail("There is no other case with the number {0}", targetNumber);
        }
        var c = await staff.Cases.SingleOrDefaultAsync(x => x.Id == caseId, cancellationToken);
        if (c is null)
        {
            return WorkflowResult.Fail(NotFound);
        }
        c.MergedIntoCaseId = target.Id;
        var result = await ChangeStatusAsync(staff, caseId, CaseStatus.Merged, target.Number, cancellationToken: cancellationToken);
        if (result.Succeeded)
        {
            db.CaseEvents.Add(new CaseEvent { CaseId = target.Id, OccurredAt = time.GetUtcNow(), Kind = CaseEventKind.NoteAdded, ActorId = staff.StaffId, Text = c.Number });
            audit.Add(staff.StaffId, AuditAction.CaseChanged, target.Id, detail: "duplicate merged in");
            await db.SaveChangesAsync(cancellationToken);
        }
        return result;
    }

    public async Task<WorkflowResult> AddNoteAsync(StaffScope staff, Guid caseId, string text, CancellationToken cancellationToken = default)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            return WorkflowResult.Fail("Write the note");
        }
        if (TooLong(text) is { } tooLong)
        {
            return tooLong;
        }
        var c = await staff.Cases.SingleOrDefaultAsync(x => x.Id == caseId, cancellationToken);
        if (c is null)
        {
            return WorkflowResult.Fail(NotFound);
        }
        c.Events.Add(Event(staff, CaseEventKind.NoteAdded, text, time.GetUtcNow()));
        audit.Add(staff.StaffId, AuditAction.CaseChanged, c.Id, detail: "note added");
        await db.SaveChangesAsync(cancellationToken);
        return WorkflowResult.Ok;
    }

    /// <summary>Active social workers with their open caseload, for the assignment list.</summary>
    public Task<List<StaffCaseload>> SocialWorkersAsync(CancellationToken cancellationToken = default) =>
        CaseloadAsync(StaffRole.SocialWorker, c => c.SocialWorkerId, cancellationToken);

    /// <summary>Active family assistants with the number of families they work with now.</summary>
    public Task<List<StaffCaseload>> FamilyAssistantsAsync(CancellationToken cancellationToken = default) =>
        CaseloadAsync(StaffRole.FamilyAssistant, c => c.FamilyAssistantId, cancellationToken);

    public int AssistantFamilyCap => options.Value.AssistantFamilyCap;

    private async Task<WorkflowResult> AssignAssistantAsync(StaffScope staff, Case c, Guid? assistantId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var assistant = assistantId is { } id
            ? await ActiveInRole(StaffRole.FamilyAssistant).Where(s => s.Id == id).Select(s => new { s.Id, s.FirstName, s.LastName }).SingleOrDefaultAsync(cancellationToken)
            : null;
        if (assistant is null)
        {
            return WorkflowResult.Fail("Choose a family assistant");
        }
        var families = await db.Cases.CountAsync(x => x.FamilyAssistantId == assistant.Id && ActiveFamilyStatuses.Contains(x.Status), cancellationToken);
        if (families >= options.Value.AssistantFamilyCap)
        {
            return WorkflowResult.Fail("{0} already works with {1} families, the most allowed; choose another assistant",
                $"{assistant.FirstName} {assistant.LastName}", families);
        }
        c.FamilyAssistantId = assistant.Id;
        c.Events.Add(Event(staff, CaseEventKind.Assigned, $"{assistant.FirstName} {assistant.LastName}", now));
        return WorkflowResult.Ok;
    }

    /// <summary>The statuses in which an assistant works with a family (they count towards the cap).</summary>
    public static readonly CaseStatus[] ActiveFamilyStatuses = [CaseStatus.AssistantAssigned, CaseStatus.WorkWithFamily, CaseStatus.Monitoring];

    private IQueryable<StaffMember> ActiveInRole(string role)
    {
        var roleId = db.Roles.Where(r => r.Name == role).Select(r => r.Id);
        return db.Users.Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && roleId.Contains(ur.RoleId)));
    }

    private async Task<List<StaffCaseload>> CaseloadAsync(string role, System.Linq.Expressions.Expression<Func<Case, Guid?>> assignee, CancellationToken cancellationToken)
    {
        var people = await ActiveInRole(role).OrderBy(s => s.LastName).ThenBy(s => s.FirstName)
            .Select(s => new { s.Id, s.FirstName, s.LastName }).ToListAsync(cancellationToken);
        var statuses = role == StaffRole.FamilyAssistant ? ActiveFamilyStatuses : OpenStatuses;
        var counts = await db.Cases.Where(c => statuses.Contains(c.Status)).Select(assignee)
            .Where(id => id != null).GroupBy(id => id).Select(g => new { Id = g.Key!.Value, Count = g.Count() })
            .ToDictionaryAsync(x => x.Id, x => x.Count, cancellationToken);
        return people.Select(p => new StaffCaseload(p.Id, $"{p.FirstName} {p.LastName}", counts.GetValueOrDefault(p.Id))).ToList();
    }

    public static readonly CaseStatus[] OpenStatuses = Enum.GetValues<CaseStatus>().Where(s => s.IsOpen()).ToArray();

    private static CaseEvent Event(StaffScope staff, CaseEventKind kind, string text, DateTimeOffset now, bool isInternal = true) =>
        new() { OccurredAt = now, Kind = kind, ActorId = staff.StaffId, Text = text, IsInternal = isInternal };
}

public sealed record StaffCaseload(Guid Id, string Name, int OpenCases);
