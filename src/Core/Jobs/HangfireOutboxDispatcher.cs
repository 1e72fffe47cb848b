using Hangfire;
using Microsoft.Extensions.Logging;
using Parasol.Core.Outbox;

namespace Parasol.Core.Jobs;

/// <summary>Enqueues a Hangfire job for each committed outbox row that is due; later rows are left to the sweep.</summary>
public sealed class HangfireOutboxDispatcher(IBackgroundJobClient jobs, TimeProvider time, ILogger<HangfireOutboxDispatcher> logger) : IOutboxDispatcher
{
    public void Dispatch(IReadOnlyCollection<OutboxMessage> messages)
    {
        var now = time.GetUtcNow();
        foreach (var message in messages.Where(m => m.DueAt <= now))
        {
            try
            {
                Enqueue(jobs, message);
            }
            catch (Exception error)
            {
                // The data is committed; the sweep will hand the row over later.
                logger.LogWarning(error, "Could not enqueue outbox row {OutboxId}; the sweep will retry", message.Id);
            }
        }
    }

    internal static void Enqueue(IBackgroundJobClient jobs, OutboxMessage message)
    {
        var id = message.Id;
        if (message.Kind == OutboxKind.RouteCase)
        {
            jobs.Enqueue<RouteCaseJob>(JobQueues.Routing, j => j.ExecuteAsync(id, CancellationToken.None));
        }
        else
        {
            jobs.Enqueue<SendEmailJob>(JobQueues.Notifications, j => j.ExecuteAsync(id, CancellationToken.None));
        }
    }
}
