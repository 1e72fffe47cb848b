using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Parasol.Core.Cases;
using Parasol.Core.Data;
using Parasol.Core.Districts;
using Parasol.Core.Jobs;
using Parasol.Core.Outbox;
using Parasol.Core.Time;
using Parasol.Testing;

namespace Parasol.Core.Tests.Routing;

/// <summary>Routing over the demo office: Centrum (44-230 ul. 3 Maja 1-80, Rynek, Ogrodowa; A. Kowalska and
/// M. Zielińska), Północ (44-230 ul. 3 Maja from 81, all of 44-231; J. Wiśniewski), Południe (44-232; M. Zielińska).</summary>
public sealed class CaseRouterTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _services = _database.CreateServices(s => s.AddParasolJobs(new ConfigurationBuilder().Build()));
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_street_in_a_house_number_range_goes_to_the_districts_worker_with_fewest_open_cases()
    {
        var (kowalska, zielinska) = (await WorkerAsync("a.kowalska@ops.example"), await WorkerAsync("m.zielinska@ops.example"));
        var loads = (await OpenCasesAsync(kowalska.Id), await OpenCasesAsync(zielinska.Id));
        var expected = loads.Item1 <= loads.Item2 ? (kowalska, loads.Item1) : (zielinska, loads.Item2);

        var c = await SubmitAndRouteAsync(a => (a.Street, a.HouseNumber, a.PostalCode) = ("ul. 3 Maja", "36", "44-230"));

        Assert.Equal(expected.Item1.Id, c.SocialWorkerId);
        Assert.Equal(CaseStatus.WithSocialWorker, c.Status);
        var routed = Assert.Single(c.Events, e => e.Kind == CaseEventKind.Routed);
        Assert.StartsWith($"kod pocztowy 44-230, ul. 3 Maja 36 → rejon Centrum → {expected.Item1.FirstName[0]}. {expected.Item1.LastName}, ", routed.Text);
        Assert.Contains($"{expected.Item2} otwart", routed.Text);
    }

    [Fact]
    public async Task The_worker_with_more_open_cases_is_passed_over()
    {
        var kowalska = await WorkerAsync("a.kowalska@ops.example");
        var zielinska = await WorkerAsync("m.zielinska@ops.example");
        // Give Zielińska clearly more open cases than Kowalska.
        var extra = await OpenCasesAsync(kowalska.Id) - await OpenCasesAsync(zielinska.Id) + 3;
        for (var i = 0; i < extra; i++)
        {
            var busy = await TestCases.SubmitAsync(_services, x => x.ContactEmail = null);
            await SetWorkerAsync(busy.Id, zielinska.Id);
        }

        var c = await SubmitAndRouteAsync(a => (a.Street, a.HouseNumber) = ("Rynek", "5"));

        Assert.Equal(kowalska.Id, c.SocialWorkerId);
    }

    [Fact]
    public async Task A_house_number_above_the_range_goes_to_the_next_district()
    {
        var c = await SubmitAndRouteAsync(a => (a.Street, a.HouseNumber) = ("3 Maja", "81A"));

        Assert.Equal((await WorkerAsync("j.wisniewski@ops.example")).Id, c.SocialWorkerId);
        Assert.Contains("→ rejon Północ → J. Wiśniewski", Assert.Single(c.Events, e => e.Kind == CaseEventKind.Routed).Text);
    }

    [Fact]
    public async Task A_postal_code_alone_places_any_street_of_it()
    {
        var c = await SubmitAndRouteAsync(a => (a.Street, a.HouseNumber, a.PostalCode) = ("Leśna", "2", "44-231"));

        Assert.Equal((await WorkerAsync("j.wisniewski@ops.example")).Id, c.SocialWorkerId);
    }

    [Fact]
    public async Task Odd_and_even_sides_of_a_street_can_belong_to_different_districts()
    {
        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ParasolDbContext>();
            var polnoc = await db.Districts.SingleAsync(d => d.Name == "Północ");
            var poludnie = await db.Districts.SingleAsync(d => d.Name == "Południe");
            db.DistrictStreetRanges.AddRange(
                new DistrictStreetRange { Id = Guid.CreateVersion7(), DistrictId = polnoc.Id, PostalCode = "44-239", Street = "Graniczna", Parity = HouseNumberParity.Odd },
                new DistrictStreetRange { Id = Guid.CreateVersion7(), DistrictId = poludnie.Id, PostalCode = "44-239", Street = "Graniczna", Parity = HouseNumberParity.Even });
            await db.SaveChangesAsync();
        }

        var odd = await SubmitAndRouteAsync(a => (a.Street, a.HouseNumber, a.PostalCode) = ("Graniczna", "7", "44-239"));
        var even = await SubmitAndRouteAsync(a => (a.Street, a.HouseNumber, a.PostalCode) = ("Graniczna", "8", "44-239"));

        Assert.Equal((await WorkerAsync("j.wisniewski@ops.example")).Id, odd.SocialWorkerId);
        Assert.Equal((await WorkerAsync("m.zielinska@ops.example")).Id, even.SocialWorkerId);
    }

    [Fact]
    public async Task An_absent_worker_is_skipped_and_with_nobody_left_the_case_waits_in_the_registry_queue()
    {
        var wisniewski = await WorkerAsync("j.wisniewski@ops.example");
        var today = WarsawTime.Today(TimeProvider.System);
        await SetAbsenceAsync(wisniewski.Id, today.AddDays(-1), today.AddDays(5));

        var c = await SubmitAndRouteAsync(a => (a.Street, a.HouseNumber, a.PostalCode) = ("Leśna", "2", "44-231"));

        Assert.Null(c.SocialWorkerId);
        Assert.Equal(CaseStatus.Received, c.Status);
        Assert.Equal("kod pocztowy 44-231, ul. Leśna 2 → rejon Północ → brak dostępnego pracownika → kolejka kancelarii",
            Assert.Single(c.Events, e => e.Kind == CaseEventKind.Routed).Text);

        await SetAbsenceAsync(wisniewski.Id, today.AddDays(-10), today.AddDays(-1));
        var afterLeave = await SubmitAndRouteAsync(a => (a.Street, a.HouseNumber, a.PostalCode) = ("Leśna", "4", "44-231"));
        Assert.Equal(wisniewski.Id, afterLeave.SocialWorkerId);
    }

    [Fact]
    public async Task An_address_no_district_covers_goes_to_the_registry_queue()
    {
        var c = await SubmitAndRouteAsync(a => (a.Street, a.HouseNumber, a.PostalCode) = ("Polna", "1", "00-950"));

        Assert.Null(c.SocialWorkerId);
        Assert.Null(c.DistrictId);
        Assert.Equal(CaseStatus.Received, c.Status);
        Assert.Equal("kod pocztowy 00-950, ul. Polna 1 → brak pasującego rejonu → kolejka kancelarii",
            Assert.Single(c.Events, e => e.Kind == CaseEventKind.Routed).Text);
    }

    [Fact]
    public async Task Routing_job_run_again_after_a_crash_routes_once_and_tells_the_worker_once()
    {
        var c = await TestCases.SubmitAsync(_services, x => x.FamilyAddress!.PostalCode = "44-232");
        var rowId = await RoutingRowAsync(c.Id);

        await Task.WhenAll(RunRoutingAsync(rowId), RunRoutingAsync(rowId));
        await RunRoutingAsync(rowId);

        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParasolDbContext>();
        Assert.Equal(1, await db.CaseEvents.CountAsync(e => e.CaseId == c.Id && e.Kind == CaseEventKind.Routed));
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.CaseId == c.Id && m.Template == Mail.MailTemplate.AssignedToYou));
        Assert.NotNull((await db.OutboxMessages.SingleAsync(m => m.Id == rowId)).ProcessedAt);
    }

    [Fact]
    public async Task An_urgent_case_tells_the_director_and_the_districts_worker()
    {
        var c = await SubmitAndRouteAsync(a => a.PostalCode = "44-232", urgent: true);

        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParasolDbContext>();
        var urgent = await db.OutboxMessages.Where(m => m.CaseId == c.Id && m.Template == Mail.MailTemplate.UrgentCase)
            .Select(m => m.RecipientStaffId).ToListAsync();
        var director = await db.Users.SingleAsync(u => u.Email == "dyrektor@ops.example");
        Assert.Equal(new[] { director.Id, c.SocialWorkerId!.Value }.Order(), urgent.Select(x => x!.Value).Order());
    }

    private async Task<Case> SubmitAndRouteAsync(Action<Address> address, bool urgent = false)
    {
        var c = await TestCases.SubmitAsync(_services, x =>
        {
            address(x.FamilyAddress!);
            x.IsUrgent = urgent;
        });
        await RunRoutingAsync(await RoutingRowAsync(c.Id));
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ParasolDbContext>().Cases.AsNoTracking()
            .Include(x => x.Events).SingleAsync(x => x.Id == c.Id);
    }

    private async Task RunRoutingAsync(long rowId)
    {
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RouteCaseJob>().ExecuteAsync(rowId, CancellationToken.None);
    }

    private async Task<long> RoutingRowAsync(Guid caseId)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ParasolDbContext>().OutboxMessages
            .Where(m => m.CaseId == caseId && m.Kind == OutboxKind.RouteCase).Select(m => m.Id).SingleAsync();
    }

    private async Task<Staff.StaffMember> WorkerAsync(string email)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ParasolDbContext>().Users.AsNoTracking().SingleAsync(u => u.Email == email);
    }

    private async Task<int> OpenCasesAsync(Guid workerId)
    {
        await using var scope = _services.CreateAsyncScope();
        var open = Enum.GetValues<CaseStatus>().Where(s => s.IsOpen()).ToList();
        return await scope.ServiceProvider.GetRequiredService<ParasolDbContext>().Cases
            .CountAsync(c => c.SocialWorkerId == workerId && open.Contains(c.Status));
    }

    private async Task SetWorkerAsync(Guid caseId, Guid workerId)
    {
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ParasolDbContext>().Cases.Where(c => c.Id == caseId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.SocialWorkerId, workerId).SetProperty(c => c.Status, CaseStatus.WithSocialWorker));
    }

    private async Task SetAbsenceAsync(Guid workerId, DateOnly from, DateOnly until)
    {
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ParasolDbContext>().Users.Where(u => u.Id == workerId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.AbsentFrom, from).SetProperty(u => u.AbsentUntil, until));
    }
}
