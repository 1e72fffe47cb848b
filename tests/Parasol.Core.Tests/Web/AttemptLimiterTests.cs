using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Parasol.Core.Web;
using Parasol.Testing;

namespace Parasol.Core.Tests.Web;

/// <summary>Rate limits (status look-up, submit, staff sign-in) counted in PostgreSQL, shared by every instance.</summary>
public sealed class AttemptLimiterTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 1, 0, TimeSpan.Zero));
    private readonly AttemptLimitOptions _options = new() { PermitLimit = 5, WindowMinutes = 15 };
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Two_instances_share_one_allowance_per_address()
    {
        // Two app instances: each has its own limiter object and its own connection, one database.
        var first = new AttemptLimiter("status-lookup", _options, _time);
        var second = new AttemptLimiter("status-lookup", _options, _time);
        await using var firstDb = _database.CreateDbContext();
        await using var secondDb = _database.CreateDbContext();

        var answers = new List<bool>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await first.TryAcquireAsync(firstDb, "203.0.113.7"));
            answers.Add(await second.TryAcquireAsync(secondDb, "203.0.113.7"));
        }

        Assert.Equal([true, true, true, true, true, false, false, false], answers);
        Assert.True(await second.TryAcquireAsync(secondDb, "198.51.100.1"));
    }

    [Fact]
    public async Task Attempts_at_once_from_many_connections_never_exceed_the_limit()
    {
        var limiter = new AttemptLimiter("sign-in-address", _options, _time);
        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(async _ =>
        {
            await using var db = _database.CreateDbContext();
            return await limiter.TryAcquireAsync(db, "203.0.113.9");
        }));

        Assert.Equal(5, answers.Count(a => a));
    }

    [Fact]
    public async Task A_new_window_gives_a_new_allowance_and_limits_do_not_mix()
    {
        var statusLimiter = new AttemptLimiter("status-lookup", _options, _time);
        var submitLimiter = new AttemptLimiter("submit", _options, _time);
        await using var db = _database.CreateDbContext();
        for (var i = 0; i < 5; i++)
        {
            Assert.True(await statusLimiter.TryAcquireAsync(db, "203.0.113.7"));
        }
        Assert.False(await statusLimiter.TryAcquireAsync(db, "203.0.113.7"));
        Assert.True(await submitLimiter.TryAcquireAsync(db, "203.0.113.7"));

        _time.Advance(TimeSpan.FromMinutes(15));

        Assert.True(await statusLimiter.TryAcquireAsync(db, "203.0.113.7"));
    }

    [Theory]
    [InlineData("09:01:00", "840", 14)]
    [InlineData("09:14:30", "30", 1)]
    [InlineData("09:14:59.4", "1", 1)]
    [InlineData("09:15:00", "900", 15)]
    public void A_refusal_is_429_with_the_seconds_left_in_the_window_and_the_minutes_rounded_up(string at, string retryAfter, int minutes)
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse($"2026-03-02T{at}Z", System.Globalization.CultureInfo.InvariantCulture));
        var response = new DefaultHttpContext().Response;

        var shown = new AttemptLimiter("status-lookup", _options, time).Refuse(response);

        Assert.Equal(StatusCodes.Status429TooManyRequests, response.StatusCode);
        Assert.Equal(retryAfter, response.Headers.RetryAfter.ToString());
        Assert.Equal(minutes, shown);
    }

    [Fact]
    public async Task The_key_has_its_allowance_back_when_the_retry_after_it_was_given_has_passed()
    {
        var limiter = new AttemptLimiter("status-lookup", _options, _time);
        await using var db = _database.CreateDbContext();
        for (var i = 0; i < 5; i++)
        {
            Assert.True(await limiter.TryAcquireAsync(db, "203.0.113.7"));
        }
        Assert.False(await limiter.TryAcquireAsync(db, "203.0.113.7"));
        var response = new DefaultHttpContext().Response;
        limiter.Refuse(response);
        var wait = TimeSpan.FromSeconds(int.Parse(response.Headers.RetryAfter!, System.Globalization.CultureInfo.InvariantCulture));

        _time.Advance(wait - TimeSpan.FromSeconds(1));
        Assert.False(await limiter.TryAcquireAsync(db, "203.0.113.7"));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await limiter.TryAcquireAsync(db, "203.0.113.7"));
    }

    [Fact]
    public async Task No_address_or_account_is_stored_and_old_counters_are_deleted()
    {
        var limiter = new AttemptLimiter("sign-in-account", _options, _time);
        await using var db = _database.CreateDbContext();
        await limiter.TryAcquireAsync(db, "ANNA.KOWALSKA@MOPS.EXAMPLE");
        var stored = await db.AttemptCounters.AsNoTracking().SingleAsync();
        Assert.DoesNotContain("KOWALSKA", stored.Key, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(64, stored.Key.Length);

        Assert.Equal(0, await AttemptLimiter.DeleteExpiredAsync(db, _time.GetUtcNow().AddHours(12)));
        Assert.Equal(1, await AttemptLimiter.DeleteExpiredAsync(db, _time.GetUtcNow().AddDays(2)));
        Assert.Empty(await db.AttemptCounters.ToListAsync());
    }
}
