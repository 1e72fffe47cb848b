using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Parasol.Core.Data;
using Parasol.Testing;

namespace Parasol.Core.Tests.Data;

/// <summary>
/// The database went away and came back while the apps' connection pools held connections opened before it: a family's
/// "try again" must work, not land on one dead (or confused) connection after another.
/// </summary>
/// <remarks>
/// Also what keeps Npgsql's automatic preparation off: with <c>Max Auto Prepare</c> on, Npgsql 10.0.3 answered every
/// other request after such an outage with "42P05: prepared statement "_auto0" already exists" (or a
/// NullReferenceException), and this test failed.
/// </remarks>
public sealed class PoolRecoveryTests : IAsyncLifetime
{
    private const int Pooled = 6;
    private RelayedDatabase _relayed = null!;

    public async Task InitializeAsync() => _relayed = await RelayedDatabase.CreateAsync();

    public async Task DisposeAsync() => await _relayed.DisposeAsync();

    [Fact]
    public async Task A_restart_nobody_noticed_costs_one_request_and_the_next_ones_work()
    {
        await FillThePoolAsync();

        // PostgreSQL restarts while nobody is asking: every pooled connection is dead, and nothing knows yet.
        _relayed.Outage.Cut();
        _relayed.Outage.Restore();
        var answers = await RequestsAsync(2 * Pooled);

        // The first request may meet a dead connection (nothing can tell before using it); after that the pool is
        // cleared, so the family's "try again" and everyone after them get fresh connections.
        Assert.Equal(Enumerable.Repeat("ok", 2 * Pooled - 1), answers.Skip(1));
    }

    [Fact]
    public async Task Requests_during_an_outage_are_asked_to_try_again_and_every_request_after_it_works()
    {
        await FillThePoolAsync();

        _relayed.Outage.Cut();
        var during = await RequestsAsync(2);
        _relayed.Outage.Restore();
        var after = await RequestsAsync(2 * Pooled);

        Assert.Equal(["try again", "try again"], during);
        Assert.Equal(Enumerable.Repeat("ok", 2 * Pooled), after);
    }

    /// <summary>Several requests at once, each running the journey query a few times, leave several connections idle in the pool.</summary>
    private async Task FillThePoolAsync()
    {
        using var allOpen = new Barrier(Pooled);
        await Task.WhenAll(Enumerable.Range(0, Pooled).Select(_ => Task.Run(async () =>
        {
            await using var scope = _relayed.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ParasolDbContext>();
            await db.Database.OpenConnectionAsync();
            await JourneyQueryAsync(db);
            allOpen.SignalAndWait(TimeSpan.FromSeconds(30));
            await db.Database.CloseConnectionAsync();
        })));
    }

    /// <summary>One request after another, as families pressing "try again" would: "ok", "try again", or what else went wrong.</summary>
    private async Task<List<string>> RequestsAsync(int count)
    {
        var answers = new List<string>();
        for (var request = 0; request < count; request++)
        {
            await using var scope = _relayed.Services.CreateAsyncScope();
            try
            {
                await JourneyQueryAsync(scope.ServiceProvider.GetRequiredService<ParasolDbContext>());
                answers.Add("ok");
            }
            catch (Exception e) when (DatabaseFailures.IsUnavailable(e))
            {
                answers.Add("try again");
            }
            catch (Exception e) when (e is NpgsqlException or NullReferenceException or InvalidOperationException)
            {
                answers.Add($"{e.GetType().Name}: {e.Message}");
            }
        }
        return answers;
    }

    private static Task<string?> JourneyQueryAsync(ParasolDbContext db)
    {
        var id = Guid.NewGuid();
        return db.JourneyStates.Where(j => j.Id == id && j.Journey == "family-assistant").Select(j => j.StateJson).SingleOrDefaultAsync();
    }
}
