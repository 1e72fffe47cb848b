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

        Assert.Equal([(typeof(RouteCaseJob), 1L), (typeof(SendEmailJob), 2L)], jobs.Enqueued.OrderBy(j => j.Row));
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
    public async Task A_row_hangfire_refuses_is_left_to_the_sweep_and_the_next_rows_still_go()
    {
        var jobs = new SlowJobClient { FailFor = 1 };
        jobs.Open.Set();
        using var dispatcher = new HangfireOutboxDispatcher(jobs, _time, NullLogger<HangfireOutboxDispatcher>.Instance);

        dispatcher.Dispatch([Receipt(1), Receipt(2), Receipt(3)]);

        await WaitUntilAsync(() => jobs.Enqueued.Count == 2);
        Assert.DoesNotContain(jobs.Enqueued, j => j.Row == 1);
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
        private readonly List<(Type Job, long Row)> _enqueued = [];

        public ManualResetEventSlim Open { get; } = new();

        public long? FailFor { get; init; }

        public List<(Type Job, long Row)> Enqueued
        {
            get
            {
                lock (_enqueued)
                {
                    return [.. _enqueued];
                }
            }
        }

        public string Create(Job job, IState state)
        {
            Open.Wait(TimeSpan.FromSeconds(30));
            var row = (long)job.Args[0]!;
            if (row == FailFor)
            {
                throw new InvalidOperationException("Hangfire's storage is unreachable.");
            }
            lock (_enqueued)
            {
                _enqueued.Add((job.Type, row));
                return _enqueued.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        public bool ChangeState(string jobId, IState state, string expectedState) => true;
    }
}
