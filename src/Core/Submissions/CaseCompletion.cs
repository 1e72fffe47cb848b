using Microsoft.EntityFrameworkCore;
using Parasol.Core.Attachments;
using Parasol.Core.Cases;
using Parasol.Core.Data;
using Parasol.Core.Workflow;

namespace Parasol.Core.Submissions;

public enum CompletionOutcome
{
    Sent,
    NothingToSend,
    NotRequested,
}

/// <summary>
/// The applicant completes an application the office asked them to complete (KPA art. 64 § 2) from the status page.
/// Files wait under the case id, uploaded through <see cref="AttachmentUploader"/> as a journey of their own; sending
/// them moves them to the case, adds CompletionReceived and gives the case back to its worker, in one transaction.
/// </summary>
public sealed class CaseCompletion(ParasolDbContext db, TimeProvider time)
{
    /// <summary>The key the uploader keeps a case's not-yet-sent completion files under: the case's own id.</summary>
    public static Guid UploadKey(Guid caseId) => caseId;

    public async Task<CompletionOutcome> SendAsync(Guid caseId, CancellationToken cancellationToken = default)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            return await strategy.ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginWholeTransactionAsync(cancellationToken);
                // Two sends at once (a double click, two tabs) take turns: the second finds the completion done, rather
                // than the case as it was and the files already moved ("nothing to send").
                var c = await CaseRowLock.ReadForUpdateAsync(db, caseId, cancellationToken);
                if (c is not { Status: CaseStatus.CompletionRequested })
                {
                    return CompletionOutcome.NotRequested;
                }
                var key = UploadKey(caseId);
                var files = await db.Attachments.Where(a => a.JourneyId == key && a.CaseId == null).ToListAsync(cancellationToken);
                if (files.Count == 0)
                {
                    return CompletionOutcome.NothingToSend;
                }
                var now = time.GetUtcNow();
                foreach (var file in files)
                {
                    file.CaseId = c.Id;
                    file.JourneyId = null;
                }
                // Back to whoever had it: the worker when one is assigned, otherwise the registry (see CaseWorkflow).
                var back = c.SocialWorkerId is null ? CaseStatus.Received : CaseStatus.WithSocialWorker;
                _ = CaseWorkflow.Find(c.Status, back) ?? throw new InvalidOperationException($"The workflow has no step from {c.Status} to {back}.");
                c.Status = back;
                c.CompletionDueOn = null;
                c.Events.Add(new CaseEvent
                {
                    OccurredAt = now,
                    Kind = CaseEventKind.CompletionReceived,
                    Text = string.Join(", ", files.Select(f => f.FileName)),
                    IsInternal = false,
                });
                c.Events.Add(new CaseEvent { OccurredAt = now, Kind = CaseEventKind.StatusChanged, NewStatus = back, IsInternal = false });
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return CompletionOutcome.Sent;
            });
        }
        catch (DbUpdateConcurrencyException)
        {
            // A second click, or staff changing the case at the same moment: the case moved on, nothing was sent twice.
            db.ChangeTracker.Clear();
            return CompletionOutcome.NotRequested;
        }
    }
}
