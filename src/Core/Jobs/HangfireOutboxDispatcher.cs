using System.Diagnostics;
using System.Threading.Channels;
using Hangfire;
using Microsoft.Extensions.Logging;
using Parasol.Core.Outbox;

namespace Parasol.Core.Jobs;

/// <summary>
/// Hands committed outbox rows that are due to Hangfire, in batches (<see cref="OutboxBatchJob"/>); later rows are left
/// to the sweep.
/// </summary>
/// <remarks>
/// Hangfire's client is synchronous: each enqueue is several blocking round trips to its tables (create the job, set
/// its state, queue it and notify). Done on the request that committed the rows, that held a thread-pool thread per
/// submit for all of those round trips, and under load (bench/submit: 50 applicants at once) the pool ran short of
/// threads and every request queued behind them. So <see cref="Dispatch"/> only hands the rows to a queue in memory, and
/// two threads of our own do the enqueuing: the request ends as soon as its data is committed. Each takes every row
/// waiting in the queue at once, and under a burst first lets them gather for <see cref="LingerWhenBusy"/>, so that many
/// rows share one job.
/// Nothing is lost by that: the rows are already committed, and a row this process never hands over (it stopped, the
/// queue was full) is found by <see cref="OutboxSweepJob"/>, as a failed enqueue always was.
/// </remarks>
public sealed class HangfireOutboxDispatcher : IOutboxDispatcher, IDisposable
{
    /// <summary>Far more than a busy office sends at once; beyond it, rows wait for the sweep rather than for memory.</summary>
    internal const int Capacity = 10_000;

    private const int Workers = 2;

    /// <summary>
    /// Under a burst (rows handed over less than this ago), a worker waits this long before taking the rows waiting, so
    /// that they share jobs; after a quiet spell a row goes at once.
    /// </summary>
    internal static readonly TimeSpan LingerWhenBusy = TimeSpan.FromMilliseconds(100);

    /// <summary>How long stopping waits for rows still in the queue before leaving them to the sweep.</summary>
    private static readonly TimeSpan DrainOnStop = TimeSpan.FromSeconds(10);

    private readonly IBackgroundJobClient _jobs;
    private readonly TimeProvider _time;
    private readonly ILogger<HangfireOutboxDispatcher> _logger;
    private readonly Channel<OutboxMessage> _queue = Channel.CreateBounded<OutboxMessage>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleWriter = false, SingleReader = false });
    private readonly Lazy<Thread[]> _threads;
    private long _lastHandedOver;

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
        var batch = new List<OutboxMessage>();
        // A thread of our own, so blocking here takes nothing from the thread pool that serves requests.
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            if (Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastHandedOver)) < LingerWhenBusy)
            {
                Thread.Sleep(LingerWhenBusy);
            }
            Interlocked.Exchange(ref _lastHandedOver, Stopwatch.GetTimestamp());
            batch.Clear();
            while (batch.Count < OutboxBatchJob.MaxRows * 4 && reader.TryRead(out var message))
            {
                batch.Add(message);
            }
            foreach (var job in OutboxBatchJob.Batches(batch))
            {
                try
                {
                    OutboxBatchJob.Enqueue(_jobs, job);
                }
                catch (Exception error)
                {
                    // The data is committed; the sweep will hand the rows over later.
                    _logger.LogWarning(error, "Could not enqueue {Count} outbox rows (from {OutboxId}); the sweep will retry", job.Length, job[0].Id);
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
}
