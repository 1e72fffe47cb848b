using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Parasol.Core.Cases;
using Parasol.Core.Data;
using Parasol.Core.Outbox;
using Parasol.Core.Routing;

namespace Parasol.Core.Jobs;

/// <summary>
/// Routes a new case. The routing, its timeline entries and the outbox row being marked done commit together, so a job
/// retried after a crash either finds the work done or does all of it.
/// </summary>
public sealed class RouteCaseJob(ParasolDbContext db, CaseRouter router, TimeProvider time, ILogger<RouteCaseJob> logger)
{
    [AutomaticRetry(Attempts = 0)]
    [Queue(JobQueues.Routing)]
    public async Task ExecuteAsync(long outboxId, CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await db.Database.BeginWholeTransactionAsync(cancellationToken);
            var message = await OutboxRowLock.TakeAsync(db, outboxId, cancellationToken);
            if (message?.CaseId is not { } caseId)
            {
                return;
            }
            var c = await CaseRowLock.ReadForUpdateAsync(db, caseId, cancellationToken)
                ?? throw new InvalidOperationException($"Outbox row {outboxId} names a case that does not exist.");
            await router.RouteAsync(c, cancellationToken);
            OutboxRetry.RecordSuccess(message, time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogWarning(error, "Routing {OutboxId} failed", outboxId);
            db.ChangeTracker.Clear();
            if (await db.OutboxMessages.SingleOrDefaultAsync(m => m.Id == outboxId, cancellationToken) is { ProcessedAt: null } message)
            {
                OutboxRetry.RecordFailure(message, error, time.GetUtcNow());
                await db.SaveChangesAsync(cancellationToken);
            }
        }
    }
}
