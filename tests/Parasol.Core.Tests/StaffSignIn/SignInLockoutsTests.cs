using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Parasol.Core.Staff;
using Parasol.Testing;

namespace Parasol.Core.Tests.StaffSignIn;

/// <summary>The shared allowance of browsers without an account's device cookie (5 failures in 15 minutes, then 15 minutes locked).</summary>
public sealed class SignInLockoutsTests : IAsyncLifetime
{
    private const string Address = "ANNA.KOWALSKA@MOPS.EXAMPLE";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 1, 0, TimeSpan.Zero));
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(seedDemoData: false);
        _services = _database.CreateServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(_time)));
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Attempts_sent_at_once_get_no_more_password_checks_than_the_allowance()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(async _ =>
        {
            await using var scope = _services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<SignInLockouts>().TryBeginAsync(Address);
        }));

        Assert.Equal(5, answers.Count(a => a));
    }

    [Fact]
    public async Task The_fifth_failure_locks_for_fifteen_minutes_and_a_right_password_in_between_costs_nothing()
    {
        await using var scope = _services.CreateAsyncScope();
        var lockouts = scope.ServiceProvider.GetRequiredService<SignInLockouts>();
        var locked = new List<bool>();
        for (var i = 0; i < 4; i++)
        {
            Assert.True(await lockouts.TryBeginAsync(Address));
            locked.Add(await lockouts.FailedAsync(Address));
        }
        Assert.True(await lockouts.TryBeginAsync(Address));
        await lockouts.PasswordRightAsync(Address);
        Assert.True(await lockouts.TryBeginAsync(Address));
        locked.Add(await lockouts.FailedAsync(Address));

        Assert.Equal([false, false, false, false, true], locked);
        Assert.False(await lockouts.TryBeginAsync(Address));
        Assert.True(await lockouts.TryBeginAsync("SOMEONE.ELSE@MOPS.EXAMPLE"));
        _time.Advance(TimeSpan.FromMinutes(14));
        Assert.False(await lockouts.TryBeginAsync(Address));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await lockouts.TryBeginAsync(Address));
    }

    [Fact]
    public async Task No_address_is_stored_and_old_counts_are_deleted_but_not_a_running_lockout()
    {
        await using var scope = _services.CreateAsyncScope();
        var lockouts = scope.ServiceProvider.GetRequiredService<SignInLockouts>();
        var db = scope.ServiceProvider.GetRequiredService<Parasol.Core.Data.ParasolDbContext>();
        await lockouts.TryBeginAsync(Address);
        var stored = await db.SignInLockouts.AsNoTracking().SingleAsync();

        Assert.DoesNotContain("KOWALSKA", stored.Key, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(64, stored.Key.Length);
        Assert.Equal(0, await SignInLockouts.DeleteExpiredAsync(db, _time.GetUtcNow().AddHours(12)));
        Assert.Equal(1, await SignInLockouts.DeleteExpiredAsync(db, _time.GetUtcNow().AddDays(2)));
    }
}
