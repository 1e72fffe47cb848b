using Hangfire;
using Microsoft.EntityFrameworkCore;
using Parasol.Core.Data;

namespace Parasol.Core.Jobs;

/// <summary>
/// Hands Hangfire the outbox rows nobody is working on: due reminders, rows whose retry time has come, and rows whose
/// job was lost (the process died between commit and enqueue). Doing a row twice is harmless; missing one is not.
/// </summary>
public sealed class OutboxSweepJob(ParasolDbContext db, IBackgroundJobClient jobs, TimeProvider time)
{
    /// <summary>A row enqueued this long ago and still not done is enqueued again.</summary>
    public static readonly TimeSpan LostAfter = TimeSpan.FromMinutes(10);

    /// <summary>A fresh row is left to the dispatcher for this long.</summary>
    public static readonly TimeSpan GraceForDispatcher = TimeSpan.FromSeconds(30);

    [AutomaticRetry(Attempts = 0)]
    [Queue(JobQueues.Maintenance)]
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var lostBefore = now - LostAfter;
        var freshAfter = now - GraceForDispatcher;
        var due = await db.OutboxMessages
            .Where(m => m.ProcessedAt == null && !m.Abandoned && m.DueAt <= now)
            .Where(m => m.EnqueuedAt == null ? (m.LastAttemptAt != null || m.CreatedAt < freshAfter) : m.EnqueuedAt < lostBefore)
            .OrderBy(m => m.DueAt)
            .Take(500)
            .ToListAsync(cancellationToken);
        // Marked and committed before any job exists: a job that starts at once must find its row unlocked (a row
        // locked by this sweep's update would be skipped as "another worker's"), and a failure it records (which
        // clears the mark, for the next sweep after the backoff) must not be overwritten by the mark afterwards.
        // Either way the row would sit marked as enqueued, untouched, for LostAfter.
        foreach (var message in due)
        {
            message.EnqueuedAt = now;
        }
        await db.SaveChangesAsync(cancellationToken);
        List<long>? notHandedOver = null;
        Exception? refusal = null;
        foreach (var batch in OutboxBatchJob.Batches(due))
        {
            try
            {
                OutboxBatchJob.Enqueue(jobs, batch);
            }
            catch (Exception error)
            {
                (notHandedOver ??= []).AddRange(batch.Select(m => m.Id));
                refusal = error;
            }
        }
        if (notHandedOver is not null)
        {
            // Unmarked, so the next sweep takes them; this run shows failed on the jobs dashboard.
            await db.OutboxMessages.Where(m => notHandedOver.Contains(m.Id) && m.EnqueuedAt == now)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.EnqueuedAt, (DateTimeOffset?)null), CancellationToken.None);
            throw new InvalidOperationException($"{notHandedOver.Count} of {due.Count} outbox rows could not be handed to Hangfire.", refusal);
        }
        return due.Count;
    }
}
