using System.Diagnostics;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Parasol.Core.Jobs;
using Parasol.Core.Mail;
using Parasol.Core.Outbox;

namespace Parasol.Core.Tests.Jobs;

/// <summary>The request that commits outbox rows does not wait for Hangfire; every due row still reaches it.</summary>
public sealed class HangfireOutboxDispatcherTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task The_committing_request_does_not_wait_for_hangfire_and_each_due_row_is_enqueued_once()
    {
        var jobs = new SlowJobClient();
        using (var dispatcher = new HangfireOutboxDispatcher(jobs, _time, NullLogger<HangfireOutboxDispatcher>.Instance))
        {
            var clock = Stopwatch.StartNew();
            dispatcher.Dispatch([Route(1), Receipt(2), Receipt(3, dueAt: _time.GetUtcNow().AddDays(3))]);
            clock.Stop();

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"Dispatch took {clock.Elapsed.TotalMilliseconds:F0} ms");
            Assert.Empty(jobs.Enqueued);
            jobs.Open.Set();
            await WaitUntilAsync(() => jobs.Enqueued.Count == 2);
        }

        Assert.Equal([(nameof(OutboxBatchJob.RouteAsync), 1L), (nameof(OutboxBatchJob.SendAsync), 2L)], jobs.Enqueued.OrderBy(j => j.Row));
    }

    [Fact]
    public void Stopping_hands_over_the_rows_already_taken()
    {
        var jobs = new SlowJobClient();
        jobs.Open.Set();
        var dispatcher = new HangfireOutboxDispatcher(jobs, _time, NullLogger<HangfireOutboxDispatcher>.Instance);
        dispatcher.Dispatch([.. Enumerable.Range(1, 50).Select(i => Receipt(i))]);

        dispatcher.Dispose();

        Assert.Equal(50, jobs.Enqueued.Count);
    }

    [Fact]
    public async Task Rows_waiting_together_share_jobs_of_one_kind_each_row_once()
    {
        var jobs = new SlowJobClient();
        using (var dispatcher = new HangfireOutboxDispatcher(jobs, _time, NullLogger<HangfireOutboxDispatcher>.Instance))
        {
            // A burst: rows pile up while Hangfire's client is busy with the first job.
            dispatcher.Dispatch([Route(1)]);
            await Task.Delay(100);
            for (var i = 2; i <= 61; i++)
            {
                dispatcher.Dispatch([Route(i), Receipt(1000 + i)]);
            }
            jobs.Open.Set();
            await WaitUntilAsync(() => jobs.Enqueued.Count == 121);
        }

        var enqueued = jobs.Enqueued;
        Assert.Equal([.. Enumerable.Range(1, 61).Select(i => (long)i), .. Enumerable.Range(1002, 60).Select(i => (long)i)], enqueued.Select(j => j.Row).Order());
        Assert.All(enqueued.Where(j => j.Row < 1000), j => Assert.Equal(nameof(OutboxBatchJob.RouteAsync), j.Job));
        Assert.All(enqueued.Where(j => j.Row > 1000), j => Assert.Equal(nameof(OutboxBatchJob.SendAsync), j.Job));
        Assert.All(jobs.JobSizes, size => Assert.InRange(size, 1, OutboxBatchJob.MaxRows));
        // 121 rows, but far fewer jobs: Hangfire's bookkeeping is shared.
        Assert.InRange(jobs.JobSizes.Count, 3, 20);
    }

    [Fact]
    public async Task Under_a_steady_stream_of_submissions_rows_gather_into_shared_jobs()
    {
        var jobs = new SlowJobClient();
        jobs.Open.Set();
        using var dispatcher = new HangfireOutboxDispatcher(jobs, _time, NullLogger<HangfireOutboxDispatcher>.Instance);

        dispatcher.Dispatch([Route(1)]);
        await WaitUntilAsync(() => jobs.Enqueued.Count == 1);
        // A submission every 5 ms for about a second, as under a burst.
        for (var i = 2; i <= 200; i++)
        {
            dispatcher.Dispatch([Route(i)]);
            await Task.Delay(5);
        }
        await WaitUntilAsync(() => jobs.Enqueued.Count == 200);

        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), jobs.Enqueued.Select(j => j.Row).Order());
        Assert.True(jobs.JobSizes.Count <= 50, $"{jobs.JobSizes.Count} jobs for 200 rows");
    }

    [Fact]
    public async Task Rows_whose_job_hangfire_refuses_are_left_to_the_sweep_and_the_next_rows_still_go()
    {
        var jobs = new SlowJobClient { FailFor = 1 };
        jobs.Open.Set();
        using var dispatcher = new HangfireOutboxDispatcher(jobs, _time, NullLogger<HangfireOutboxDispatcher>.Instance);

        dispatcher.Dispatch([Receipt(1)]);
        await WaitUntilAsync(() => jobs.Attempts == 1);
        dispatcher.Dispatch([Receipt(2), Receipt(3)]);

        await WaitUntilAsync(() => jobs.Enqueued.Count == 2);
        Assert.Equal([2L, 3L], jobs.Enqueued.Select(j => j.Row).Order());
    }

    private OutboxMessage Route(long id) => new() { Id = id, Kind = OutboxKind.RouteCase, CreatedAt = _time.GetUtcNow(), DueAt = _time.GetUtcNow() };

    private OutboxMessage Receipt(long id, DateTimeOffset? dueAt = null) => new()
    {
        Id = id,
        Kind = OutboxKind.Email,
        Template = MailTemplate.Receipt,
        RecipientEmail = "rodzina@example.test",
        CreatedAt = _time.GetUtcNow(),
        DueAt = dueAt ?? _time.GetUtcNow(),
    };

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "Timed out.");
            await Task.Delay(10);
        }
    }

    /// <summary>Hangfire's client as it is under load: each enqueue blocks (here until <see cref="Open"/> is set).</summary>
    private sealed class SlowJobClient : IBackgroundJobClient
    {
        private readonly List<(string Job, long Row)> _enqueued = [];
        private readonly List<int> _sizes = [];

        public ManualResetEventSlim Open { get; } = new();

        /// <summary>A job holding this row is refused, as a Hangfire storage that cannot be reached refuses it.</summary>
        public long? FailFor { get; init; }

        /// <summary>Each row enqueued, with the batch method that carries it.</summary>
        public List<(string Job, long Row)> Enqueued
        {
            get
            {
                lock (_enqueued)
                {
                    return [.. _enqueued];
                }
            }
        }

        public List<int> JobSizes
        {
            get
            {
                lock (_enqueued)
                {
                    return [.. _sizes];
                }
            }
        }

        private int _attempts;

        public int Attempts => Volatile.Read(ref _attempts);

        public string Create(Job job, IState state)
        {
            Open.Wait(TimeSpan.FromSeconds(30));
            Interlocked.Increment(ref _attempts);
            Assert.Equal(typeof(OutboxBatchJob), job.Type);
            var rows = (long[])job.Args[0]!;
            if (FailFor is { } fail && rows.Contains(fail))
            {
                throw new InvalidOperationException("Hangfire's storage is unreachable.");
            }
            lock (_enqueued)
            {
                _enqueued.AddRange(rows.Select(row => (job.Method.Name, row)));
                _sizes.Add(rows.Length);
                return _sizes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        public bool ChangeState(string jobId, IState state, string expectedState) => true;
    }
}
