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
        foreach (var batch in OutboxBatchJob.Batches(due))
        {
            OutboxBatchJob.Enqueue(jobs, batch);
        }
        foreach (var message in due)
        {
            message.EnqueuedAt = now;
        }
        await db.SaveChangesAsync(cancellationToken);
        return due.Count;
    }
}
