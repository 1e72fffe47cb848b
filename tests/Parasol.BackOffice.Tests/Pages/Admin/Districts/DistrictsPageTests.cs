using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Parasol.Core.Cases;
using Parasol.Core.Data;
using Parasol.Core.Jobs;
using Parasol.Core.Outbox;
using Parasol.Core.Staff;
using Parasol.Testing;

namespace Parasol.BackOffice.Tests.Pages.Admin.Districts;

public sealed class DistrictsPageTests : IAsyncLifetime
{
    private ParasolAppFactory<SharedResource> App { get; set; } = null!;

    public async Task InitializeAsync()
    {
        App = new ParasolAppFactory<SharedResource>(await TestDatabase.CreateAsync());
        HeaderRoles.Use(App);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await App.Database.DisposeAsync();
    }

    [Fact]
    public async Task A_new_rule_routes_new_cases_and_never_moves_assigned_ones()
    {
        await using var services = App.Database.CreateServices(s => s.AddParasolJobs(new ConfigurationBuilder().Build()));
        var before = await TestCases.SubmitAsync(services, c => c.FamilyAddress = new Address { Street = "Leśna", HouseNumber = "3", PostalCode = "44-240", City = "Lipowiec" });
        await RouteAsync(services, before.Id);
        Guid polnocId;
        await using (var db = App.Database.CreateDbContext())
        {
            polnocId = await db.Districts.Where(d => d.Name == "Północ").Select(d => d.Id).SingleAsync();
            var earlier = await db.Cases.SingleAsync(c => c.Id == before.Id);
            Assert.Null(earlier.SocialWorkerId); // no district covered 44-240
            // Assigned by hand before the rule exists.
            earlier.SocialWorkerId = await db.Users.Where(u => u.Email == "a.kowalska@ops.example").Select(u => u.Id).SingleAsync();
            await db.SaveChangesAsync();
        }
        using var client = HeaderRoles.Client(App, StaffRole.Administrator);
        var form = await Html.ParseAsync(await client.GetAsync(new Uri($"/Admin/Districts/AddRule?districtId={polnocId}", UriKind.Relative)));

        var response = await client.PostAsync(new Uri($"/Admin/Districts/AddRule?districtId={polnocId}", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["PostalCode"] = "44240",
            ["Street"] = "Leśna",
            ["FromNumber"] = "1",
            ["ToNumber"] = "9",
            ["Parity"] = "Odd",
            ["__RequestVerificationToken"] = Html.AntiforgeryToken(form),
        }));

        var list = await Html.ParseAsync(response);
        Assert.Contains("44-240, Leśna numery 1–9 (nieparzyste)", list.QuerySelector("#district-" + polnocId)!.ParentElement!.TextContent, StringComparison.Ordinal);
        var after = await TestCases.SubmitAsync(services, c => c.FamilyAddress = new Address { Street = "Leśna", HouseNumber = "5", PostalCode = "44-240", City = "Lipowiec" });
        await RouteAsync(services, after.Id);
        await using var check = App.Database.CreateDbContext();
        var wisniewski = await check.Users.SingleAsync(u => u.Email == "j.wisniewski@ops.example");
        Assert.Equal(wisniewski.Id, (await check.Cases.SingleAsync(c => c.Id == after.Id)).SocialWorkerId);
        var kowalska = await check.Users.SingleAsync(u => u.Email == "a.kowalska@ops.example");
        Assert.Equal(kowalska.Id, (await check.Cases.SingleAsync(c => c.Id == before.Id)).SocialWorkerId);
    }

    [Fact]
    public async Task A_wrong_postal_code_is_refused_next_to_the_field_and_in_the_summary()
    {
        await using var db = App.Database.CreateDbContext();
        var districtId = await db.Districts.Select(d => d.Id).FirstAsync();
        using var client = HeaderRoles.Client(App, StaffRole.Administrator);
        var form = await Html.ParseAsync(await client.GetAsync(new Uri($"/Admin/Districts/AddRule?districtId={districtId}", UriKind.Relative)));

        var response = await client.PostAsync(new Uri($"/Admin/Districts/AddRule?districtId={districtId}", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["PostalCode"] = "4423",
            ["Parity"] = "All",
            ["__RequestVerificationToken"] = Html.AntiforgeryToken(form),
        }));

        var page = await Html.ParseAsync(response);
        Assert.Equal("Wpisz kod pocztowy w formacie 44-230", page.Text(".error-summary a[href='#PostalCode']"));
        Assert.Equal("Wpisz kod pocztowy w formacie 44-230", page.Text(".field-error"));
        Assert.Equal("4423", page.QuerySelector("#PostalCode")!.GetAttribute("value"));
    }

    [Fact]
    public async Task An_absence_is_saved_for_a_social_worker()
    {
        await using var db = App.Database.CreateDbContext();
        var worker = await db.Users.SingleAsync(u => u.Email == "a.kowalska@ops.example");
        using var client = HeaderRoles.Client(App, StaffRole.Administrator);
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/Admin/Districts/Absences", UriKind.Relative)));

        var response = await client.PostAsync(new Uri("/Admin/Districts/Absences", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["WorkerId"] = worker.Id.ToString(),
            ["From"] = "2026-07-01",
            ["Until"] = "2026-06-20",
            ["__RequestVerificationToken"] = Html.AntiforgeryToken(page),
        }));
        var refused = await Html.ParseAsync(response);
        Assert.Equal("Ostatni dzień nie może być wcześniejszy niż pierwszy", refused.Text($".error-summary a[href='#Until-{worker.Id}']"));

        await client.PostAsync(new Uri("/Admin/Districts/Absences", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["WorkerId"] = worker.Id.ToString(),
            ["From"] = "2026-07-01",
            ["Until"] = "2026-07-14",
            ["__RequestVerificationToken"] = Html.AntiforgeryToken(page),
        }));
        await using var check = App.Database.CreateDbContext();
        var saved = await check.Users.SingleAsync(u => u.Id == worker.Id);
        Assert.Equal((new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 14)), (saved.AbsentFrom, saved.AbsentUntil));
    }

    private static async Task RouteAsync(IServiceProvider services, Guid caseId)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParasolDbContext>();
        var row = await db.OutboxMessages.SingleAsync(m => m.CaseId == caseId && m.Kind == OutboxKind.RouteCase);
        await scope.ServiceProvider.GetRequiredService<RouteCaseJob>().ExecuteAsync(row.Id, CancellationToken.None);
    }
}
