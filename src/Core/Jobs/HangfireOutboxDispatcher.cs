using System.Threading.Channels;
using Hangfire;
using Microsoft.Extensions.Logging;
using Parasol.Core.Outbox;

namespace Parasol.Core.Jobs;

/// <summary>
/// Enqueues a Hangfire job for each committed outbox row that is due; later rows are left to the sweep.
/// </summary>
/// <remarks>
/// Hangfire's client is synchronous: each enqueue is several blocking round trips to its tables (create the job, set
/// its state, queue it and notify). Done on the request that committed the rows, that held a thread-pool thread per
/// submit for all of those round trips, and under load (bench/submit: 50 applicants at once) the pool ran short of
/// threads and every request queued behind them. So <see cref="Dispatch"/> only hands the rows to a queue in memory, and
/// two threads of our own do the enqueuing: the request ends as soon as its data is committed.
/// Nothing is lost by that: the rows are already committed, and a row this process never hands over (it stopped, the
/// queue was full) is found by <see cref="OutboxSweepJob"/>, as a failed enqueue always was.
/// </remarks>
public sealed class HangfireOutboxDispatcher : IOutboxDispatcher, IDisposable
{
    /// <summary>Far more than a busy office sends at once; beyond it, rows wait for the sweep rather than for memory.</summary>
    internal const int Capacity = 10_000;

    private const int Workers = 2;

    /// <summary>How long stopping waits for rows still in the queue before leaving them to the sweep.</summary>
    private static readonly TimeSpan DrainOnStop = TimeSpan.FromSeconds(10);

    private readonly IBackgroundJobClient _jobs;
    private readonly TimeProvider _time;
    private readonly ILogger<HangfireOutboxDispatcher> _logger;
    private readonly Channel<OutboxMessage> _queue = Channel.CreateBounded<OutboxMessage>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleWriter = false, SingleReader = false });
    private readonly Lazy<Thread[]> _threads;

    public HangfireOutboxDispatcher(IBackgroundJobClient jobs, TimeProvider time, ILogger<HangfireOutboxDispatcher> logger)
    {
        _jobs = jobs;
        _time = time;
        _logger = logger;
        // Started with the first row, so a host that never saves anything (a migrate step) starts no threads.
        _threads = new Lazy<Thread[]>(() => [.. Enumerable.Range(0, Workers).Select(i =>
        {
            var thread = new Thread(Work) { IsBackground = true, Name = $"Outbox dispatcher {i + 1}" };
            thread.Start();
            return thread;
        })]);
    }

    public void Dispatch(IReadOnlyCollection<OutboxMessage> messages)
    {
        var now = _time.GetUtcNow();
        var due = messages.Where(m => m.DueAt <= now).ToList();
        if (due.Count == 0)
        {
            return;
        }
        _ = _threads.Value;
        foreach (var message in due)
        {
            if (!_queue.Writer.TryWrite(message))
            {
                _logger.LogWarning("Outbox dispatch queue full or stopped; row {OutboxId} is left to the sweep", message.Id);
            }
        }
    }

    private void Work()
    {
        var reader = _queue.Reader;
        // A thread of our own, so blocking here takes nothing from the thread pool that serves requests.
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (reader.TryRead(out var message))
            {
                try
                {
                    Enqueue(_jobs, message);
                }
                catch (Exception error)
                {
                    // The data is committed; the sweep will hand the row over later.
                    _logger.LogWarning(error, "Could not enqueue outbox row {OutboxId}; the sweep will retry", message.Id);
                }
            }
        }
    }

    /// <summary>Stops taking rows and waits a little for those already taken to reach Hangfire.</summary>
    public void Dispose()
    {
        _queue.Writer.TryComplete();
        if (_threads.IsValueCreated)
        {
            var until = DateTime.UtcNow + DrainOnStop;
            foreach (var thread in _threads.Value)
            {
                var left = until - DateTime.UtcNow;
                thread.Join(left > TimeSpan.Zero ? left : TimeSpan.Zero);
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
