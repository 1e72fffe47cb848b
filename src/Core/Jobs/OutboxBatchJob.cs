using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Parasol.Core.Outbox;

namespace Parasol.Core.Jobs;

/// <summary>
/// One Hangfire job for several outbox rows of one kind: each row is done exactly as its own job class does it (its own
/// scope, transaction and row lock, its own retry bookkeeping on the row), one after another.
/// </summary>
/// <remarks>
/// Hangfire's bookkeeping is ~50 statements per job (create, queue, fetch, three states, their locks and counters):
/// with a job per row it was most of the database's work under a burst of submissions (bench/submit). Rows committed
/// together, or waiting together in the dispatcher's queue, now share one job. A batch taken up again after a crash
/// skips the rows already done (the row lock and <see cref="OutboxMessage.ProcessedAt"/>), as a single job did.
/// </remarks>
public sealed class OutboxBatchJob(IServiceScopeFactory scopes, ILogger<OutboxBatchJob> logger)
{
    /// <summary>Rows per job: enough to share the bookkeeping, few enough that a burst still spreads over the workers.</summary>
    public const int MaxRows = 20;

    [AutomaticRetry(Attempts = 0)]
    [Queue(JobQueues.Routing)]
    public Task RouteAsync(long[] outboxIds, CancellationToken cancellationToken) =>
        RunAsync<RouteCaseJob>(outboxIds, static (job, id, ct) => job.ExecuteAsync(id, ct), cancellationToken);

    [AutomaticRetry(Attempts = 0)]
    [Queue(JobQueues.Notifications)]
    public Task SendAsync(long[] outboxIds, CancellationToken cancellationToken) =>
        RunAsync<SendEmailJob>(outboxIds, static (job, id, ct) => job.ExecuteAsync(id, ct), cancellationToken);

    /// <summary>Due rows as jobs: grouped by kind, at most <see cref="MaxRows"/> to a job.</summary>
    public static IEnumerable<OutboxMessage[]> Batches(IEnumerable<OutboxMessage> messages) =>
        messages.GroupBy(m => m.Kind).SelectMany(kind => kind.Chunk(MaxRows));

    /// <summary>Hands one batch (rows of one kind, from <see cref="Batches"/>) to Hangfire as one job.</summary>
    public static void Enqueue(IBackgroundJobClient jobs, OutboxMessage[] batch)
    {
        var ids = batch.Select(m => m.Id).ToArray();
        if (batch[0].Kind == OutboxKind.RouteCase)
        {
            jobs.Enqueue<OutboxBatchJob>(JobQueues.Routing, j => j.RouteAsync(ids, CancellationToken.None));
        }
        else
        {
            jobs.Enqueue<OutboxBatchJob>(JobQueues.Notifications, j => j.SendAsync(ids, CancellationToken.None));
        }
    }

    private async Task RunAsync<TJob>(long[] outboxIds, Func<TJob, long, CancellationToken, Task> run, CancellationToken cancellationToken)
        where TJob : notnull
    {
        List<long>? failed = null;
        foreach (var id in outboxIds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await run(scope.ServiceProvider.GetRequiredService<TJob>(), id, cancellationToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // One row's trouble (the database gone for a moment) does not hold up the others; the sweep takes it again.
                logger.LogWarning(error, "Outbox row {OutboxId} failed; the sweep will hand it over again", id);
                (failed ??= []).Add(id);
            }
        }
        if (failed is not null)
        {
            // Shown as failed on the jobs dashboard; Hangfire does not retry it (the rows have their own retries).
            throw new OutboxBatchFailedException(failed.Count, outboxIds.Length);
        }
    }
}

public sealed class OutboxBatchFailedException(int failed, int total)
    : Exception($"{failed} of {total} outbox rows failed; the sweep hands them over again.");
