using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Parasol.Core.Cases;
using Parasol.Core.Data;
using Parasol.Core.Outbox;
using Parasol.Testing;

namespace Parasol.Core.Tests.Outbox;

/// <summary>
/// The planner reads a case only for events that can cause work: each e-mail job saves an "e-mail sent" entry without
/// the case tracked, and used to read and track the whole case for it, for nothing.
/// </summary>
public sealed class OutboxPlannerTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<(EventId Id, string Message)> _events = new();
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _services = _database.CreateServices(s =>
        {
            s.Replace(ServiceDescriptor.Singleton<IOutboxDispatcher, IgnoringDispatcher>());
            s.AddLogging(logging => logging.AddProvider(new DatabaseEventLog(_events)).SetMinimumLevel(LogLevel.Debug));
        });
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Every_kind_of_event_the_planner_skips_causes_no_work()
    {
        var planner = _services.GetRequiredService<OutboxPlanner>();
        var statuses = Enum.GetValues<CaseStatus>().Select(s => (CaseStatus?)s).Prepend(null).ToList();
        var causingWork = 0;
        foreach (var kind in Enum.GetValues<CaseEventKind>())
        {
            foreach (var status in statuses)
            {
                await using var scope = _services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ParasolDbContext>();
                // A case that every rule could mail about: an applicant's address, a worker just set, urgent, a completion due.
                var c = new Case
                {
                    Id = Guid.CreateVersion7(),
                    Number = "TEST",
                    ContactEmail = "rodzina@example.test",
                    SocialWorkerId = Guid.NewGuid(),
                    IsUrgent = true,
                    CompletionDueOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14),
                    ReceivedAt = DateTimeOffset.UtcNow,
                };
                db.Cases.Add(c);
                var e = new CaseEvent { CaseId = c.Id, Kind = kind, NewStatus = status, OccurredAt = DateTimeOffset.UtcNow };
                db.CaseEvents.Add(e);

                var rows = await planner.PlanAsync(db, CancellationToken.None);

                if (!OutboxPlanner.CanCauseWork(e))
                {
                    Assert.True(rows.Count == 0, $"{kind} (status {status}) is skipped but planned {rows.Count} rows");
                }
                causingWork += rows.Count > 0 ? 1 : 0;
            }
        }
        // Received, Routed, Assigned, MarkedUrgent, CompletionRequested, CompletionReceived and AccessCodeReissued with any
        // status, three outcomes.
        Assert.Equal(7 * statuses.Count + 3, causingWork);
    }

    [Fact]
    public async Task Saving_an_email_sent_entry_does_not_read_the_case_and_an_urgent_mark_does()
    {
        var c = await TestCases.SubmitAsync(_services);
        _events.Clear();

        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ParasolDbContext>();
            db.CaseEvents.Add(new CaseEvent { CaseId = c.Id, Kind = CaseEventKind.EmailSent, OccurredAt = DateTimeOffset.UtcNow, Text = "Wysłano e-mail" });
            await db.SaveChangesAsync();
        }
        var commands = DatabaseEventLog.Commands(_events).ToList();
        Assert.Contains(commands, sql => sql.Contains("INSERT INTO case_events", StringComparison.Ordinal));
        Assert.DoesNotContain(commands, sql => sql.Contains("FROM cases", StringComparison.Ordinal));

        _events.Clear();
        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ParasolDbContext>();
            db.CaseEvents.Add(new CaseEvent { CaseId = c.Id, Kind = CaseEventKind.MarkedUrgent, OccurredAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }
        Assert.Contains(DatabaseEventLog.Commands(_events), sql => sql.Contains("FROM cases", StringComparison.Ordinal));
    }

    private sealed class IgnoringDispatcher : IOutboxDispatcher
    {
        public void Dispatch(IReadOnlyCollection<OutboxMessage> messages)
        {
        }
    }
}
