using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Parasol.Core.Data;
using Parasol.Core.Staff;
using Parasol.Testing;

namespace Parasol.Core.Tests.StaffSignIn;

/// <summary>A browser trusted for one account: 3 wrong passwords since its last sign-in, for 180 days; forgotten, it is signed out.</summary>
public sealed class TrustedDevicesTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 1, 0, TimeSpan.Zero));
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _services = _database.CreateServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(_time)));
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_device_is_trusted_for_its_own_account_until_its_allowance_is_used_up_and_a_new_sign_in_replaces_it()
    {
        await using var scope = _services.CreateAsyncScope();
        var devices = scope.ServiceProvider.GetRequiredService<TrustedDevices>();
        var (anna, ewa) = await TwoMembersAsync(scope);
        var device = await devices.IssueAsync(anna, replacing: null);

        Assert.False(await devices.TryBeginAsync(device.Id, ewa));
        Assert.True(await devices.TryBeginAsync(device.Id, anna));
        await devices.PasswordRightAsync(device.Id);
        var wrong = new List<bool>();
        for (var i = 0; i < 4; i++)
        {
            wrong.Add(await devices.TryBeginAsync(device.Id, anna));
        }
        Assert.Equal([true, true, true, false], wrong);

        var next = await devices.IssueAsync(anna, replacing: device.Id);
        Assert.True(await devices.TryBeginAsync(next.Id, anna));
        Assert.False(await scope.ServiceProvider.GetRequiredService<ParasolDbContext>().TrustedDevices.AnyAsync(d => d.Id == device.Id));
    }

    [Fact]
    public async Task A_device_is_trusted_for_180_days_then_deleted()
    {
        await using var scope = _services.CreateAsyncScope();
        var devices = scope.ServiceProvider.GetRequiredService<TrustedDevices>();
        var db = scope.ServiceProvider.GetRequiredService<ParasolDbContext>();
        var (anna, _) = await TwoMembersAsync(scope);
        var device = await devices.IssueAsync(anna, replacing: null);

        _time.Advance(TimeSpan.FromDays(180) - TimeSpan.FromMinutes(1));
        Assert.True(await devices.TryBeginAsync(device.Id, anna));
        Assert.Equal(0, await TrustedDevices.DeleteExpiredAsync(db, _time.GetUtcNow()));
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.False(await devices.TryBeginAsync(device.Id, anna));
        Assert.Equal(1, await TrustedDevices.DeleteExpiredAsync(db, _time.GetUtcNow()));
    }

    [Fact]
    public async Task The_list_shows_when_a_browser_was_first_trusted_and_last_signed_in_until_it_is_forgotten()
    {
        await using var scope = _services.CreateAsyncScope();
        var devices = scope.ServiceProvider.GetRequiredService<TrustedDevices>();
        var (anna, ewa) = await TwoMembersAsync(scope);
        var first = _time.GetUtcNow();
        var office = await devices.IssueAsync(anna, replacing: null);
        _time.Advance(TimeSpan.FromDays(10));
        office = await devices.IssueAsync(anna, replacing: office.Id);
        var home = await devices.IssueAsync(anna, replacing: null);
        var ewasOwn = await devices.IssueAsync(ewa, replacing: null);

        var listed = await devices.ListAsync(anna);
        Assert.Equal(new[] { home.Id, office.Id }.Order(), listed.Select(d => d.Id).Order());
        var officeRow = listed.Single(d => d.Id == office.Id);
        Assert.Equal((first, first + TimeSpan.FromDays(10)), (officeRow.TrustedSince, officeRow.IssuedAt));

        Assert.Equal(new Forgotten(0, 0), await devices.ForgetAsync(anna, ewasOwn.Id));
        Assert.Equal(1, (await devices.ForgetAllAsync(anna, except: home.Id)).Browsers);
        Assert.Equal([home.Id], (await devices.ListAsync(anna)).Select(d => d.Id));
        // Forgotten, then signed in again: trusted from now, not from before.
        var again = await devices.IssueAsync(anna, replacing: office.Id);
        Assert.Equal(_time.GetUtcNow(), again.TrustedSince);
        Assert.Single(await devices.ListAsync(ewa));
    }

    /// <summary>The database failing between ending the sessions and forgetting the device: the browser is left as it was.</summary>
    [Fact]
    public async Task A_browser_is_forgotten_and_signed_out_together_or_not_at_all()
    {
        await using var scope = _services.CreateAsyncScope();
        var devices = scope.ServiceProvider.GetRequiredService<TrustedDevices>();
        var sessions = scope.ServiceProvider.GetRequiredService<SignInSessions>();
        var db = scope.ServiceProvider.GetRequiredService<ParasolDbContext>();
        var (anna, _) = await TwoMembersAsync(scope);
        var session = await sessions.StartAsync(anna, TimeSpan.FromMinutes(30));
        var device = await devices.IssueAsync(anna, replacing: null, session: session);
        await db.Database.ExecuteSqlRawAsync("""
            CREATE FUNCTION test_refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$;
            CREATE TRIGGER test_refuse_delete BEFORE DELETE ON staff_devices FOR EACH ROW EXECUTE FUNCTION test_refuse_delete();
            """);

        try
        {
            await Assert.ThrowsAsync<Npgsql.PostgresException>(() => devices.ForgetAsync(anna, device.Id));
            await Assert.ThrowsAsync<Npgsql.PostgresException>(() => devices.ForgetAllAsync(anna));
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER test_refuse_delete ON staff_devices; DROP FUNCTION test_refuse_delete();");
        }

        Assert.True(await sessions.IsOpenAsync(session, anna));
        Assert.Equal([device.Id], (await devices.ListAsync(anna)).Select(d => d.Id));
        Assert.Equal(new Forgotten(1, 1), await devices.ForgetAsync(anna, device.Id));
        Assert.False(await sessions.IsOpenAsync(session, anna));
    }

    [Fact]
    public async Task Forgetting_a_browser_ends_the_sessions_opened_in_it_even_across_its_later_sign_ins()
    {
        await using var scope = _services.CreateAsyncScope();
        var devices = scope.ServiceProvider.GetRequiredService<TrustedDevices>();
        var sessions = scope.ServiceProvider.GetRequiredService<SignInSessions>();
        var (anna, ewa) = await TwoMembersAsync(scope);
        var idle = TimeSpan.FromMinutes(30);
        var earlier = await sessions.StartAsync(anna, idle);
        var officeDevice = await devices.IssueAsync(anna, replacing: null, session: earlier);
        // Signed in again in the same browser, its earlier session not ended (a copy of its cookie may be in use).
        var office = await sessions.StartAsync(anna, idle);
        officeDevice = await devices.IssueAsync(anna, replacing: officeDevice.Id, session: office);
        var (home, _) = await BrowserAsync(anna);
        var (phone, _) = await BrowserAsync(anna);
        var (laptop, laptopDevice) = await BrowserAsync(anna);
        // Signed in with the password, the second step not done yet: no device.
        var halfWay = await sessions.StartAsync(anna, idle);
        var (ewas, _) = await BrowserAsync(ewa);

        Assert.Equal(new Forgotten(1, 2), await devices.ForgetAsync(anna, officeDevice.Id));
        Assert.Equal([false, false, true, true, true, true], await OpenAsync(anna, earlier, office, home, phone, laptop, halfWay));

        Assert.Equal(new Forgotten(2, 1), await devices.ForgetAllAsync(anna, except: laptopDevice.Id, keepSession: home));
        Assert.Equal([true, false, true, true], await OpenAsync(anna, home, phone, laptop, halfWay));
        Assert.True(await sessions.IsOpenAsync(ewas, ewa));
        Assert.Equal([laptopDevice.Id], (await devices.ListAsync(anna)).Select(d => d.Id));

        async Task<(Guid Session, TrustedDevice Device)> BrowserAsync(Guid staffId)
        {
            var session = await sessions.StartAsync(staffId, idle);
            return (session, await devices.IssueAsync(staffId, replacing: null, session: session));
        }

        async Task<List<bool>> OpenAsync(Guid staffId, params Guid[] ids)
        {
            var open = new List<bool>();
            foreach (var id in ids)
            {
                open.Add(await sessions.IsOpenAsync(id, staffId));
            }
            return open;
        }
    }

    private static async Task<(Guid, Guid)> TwoMembersAsync(AsyncServiceScope scope)
    {
        var db = scope.ServiceProvider.GetRequiredService<ParasolDbContext>();
        var ids = await db.Users.OrderBy(u => u.Email).Select(u => u.Id).Take(2).ToListAsync();
        return (ids[0], ids[1]);
    }
}
