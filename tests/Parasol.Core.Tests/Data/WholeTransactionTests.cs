using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Parasol.Core.Data;
using Parasol.Core.Journeys;
using Parasol.Testing;

namespace Parasol.Core.Tests.Data;

/// <summary>
/// Our transactions are committed or rolled back whole, so they go without EF's savepoint around each save (two more
/// statements and round trips per save, in every routing and e-mail job: bench/submit counts them); a pooled context
/// handed out afterwards has EF's default back.
/// </summary>
public sealed class WholeTransactionTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<(EventId Id, string Message)> _events = new();
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(seedDemoData: false);
        _services = _database.CreateServices(s => s.AddLogging(logging => logging.AddProvider(new DatabaseEventLog(_events)).SetMinimumLevel(LogLevel.Debug)));
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Saves_in_a_whole_transaction_set_no_savepoint_and_the_next_user_of_the_pooled_context_gets_the_default()
    {
        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ParasolDbContext>();
            await using var transaction = await db.Database.BeginWholeTransactionAsync(CancellationToken.None);
            db.JourneyStates.Add(Journey());
            await db.SaveChangesAsync();
            db.JourneyStates.Add(Journey());
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        Assert.Equal(0, DatabaseEventLog.Savepoints(_events));

        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ParasolDbContext>();
            Assert.True(db.Database.AutoSavepointsEnabled);
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.JourneyStates.Add(Journey());
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        // The same log sees the savepoint EF sets by default, so the first count could have failed.
        Assert.Equal(1, DatabaseEventLog.Savepoints(_events));

        await using var check = _database.CreateDbContext();
        Assert.Equal(3, await check.JourneyStates.CountAsync());
    }

    private static JourneyState Journey() => new()
    {
        Id = Guid.NewGuid(),
        Journey = "family-assistant",
        CreatedAt = DateTimeOffset.UtcNow,
        UpdatedAt = DateTimeOffset.UtcNow,
        ExpiresAt = DateTimeOffset.UtcNow.AddHours(1),
    };
}
