using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Parasol.BackOffice.Setup;
using Parasol.Core.Audit;
using Parasol.Testing;

namespace Parasol.BackOffice.Tests.Setup;

/// <summary>A new installation: migrations only, no demo data. The setup command is what makes it usable.</summary>
public sealed partial class FirstSetupTests : IAsyncLifetime
{
    private ParasolAppFactory<SharedResource> App { get; set; } = null!;

    public async Task InitializeAsync() => App = new ParasolAppFactory<SharedResource>(await TestDatabase.CreateAsync(seedDemoData: false));

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await App.Database.DisposeAsync();
    }

    [Fact]
    public async Task The_first_administrator_signs_in_with_the_printed_password_and_finds_the_office_to_complete()
    {
        var output = new StringWriter();

        var exit = await FirstSetup.RunAsync(App.Services,
            ["setup", "--office", "Gminny Ośrodek Pomocy Społecznej w Żabnie", "--admin-email", "admin@gops.example", "--admin-name", "Łucja Źródlana"], output);

        Assert.Equal(0, exit);
        var password = FirstPassword().Match(output.ToString()).Groups["password"].Value;
        Assert.Matches("^[A-Za-z2-9]{5}(-[A-Za-z2-9]{5}){3}$", password);
        var admin = await StaffSession.SignInAsync(App, "admin@gops.example", password);
        var office = await StaffSession.GetPageAsync(admin, "/Admin/Office");
        Assert.Contains("Gminny Ośrodek Pomocy Społecznej w Żabnie", office.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri("/Admin/Staff", UriKind.Relative))).StatusCode);
        await using var db = App.Database.CreateDbContext();
        Assert.Equal(5, await db.FileClassifications.CountAsync());
        Assert.Single(await db.AuditEntries.Where(e => e.Action == AuditAction.StaffChanged).ToListAsync());
    }

    [Fact]
    public async Task Running_it_again_keeps_the_office_and_the_administrators_password()
    {
        var first = new StringWriter();
        await FirstSetup.RunAsync(App.Services, ["setup", "--office", "MOPS Żabno", "--admin-email", "admin@gops.example", "--admin-name", "Łucja Źródlana"], first);
        var password = FirstPassword().Match(first.ToString()).Groups["password"].Value;

        var again = new StringWriter();
        var exit = await FirstSetup.RunAsync(App.Services, ["setup", "--office", "Another name", "--admin-email", "admin@gops.example", "--admin-name", "Jan Nowak"], again);

        Assert.Equal(0, exit);
        Assert.DoesNotMatch(FirstPassword(), again.ToString());
        await StaffSession.SignInAsync(App, "admin@gops.example", password);
        await using var db = App.Database.CreateDbContext();
        Assert.Equal("MOPS Żabno", (await db.OfficeProfiles.SingleAsync()).Name);
    }

    [Theory]
    [InlineData("--office", "MOPS Żabno", "--admin-email", "admin@gops.example")]
    [InlineData("--office", "MOPS Żabno", "--admin-email", "not-an-address", "--admin-name", "Łucja Źródlana")]
    [InlineData("--office", "MOPS Żabno", "--admin-email", "admin@gops.example", "--admin-name", "Łucja")]
    public async Task Incomplete_arguments_print_the_usage_and_create_nothing(params string[] options)
    {
        var output = new StringWriter();

        var exit = await FirstSetup.RunAsync(App.Services, ["setup", .. options], output);

        Assert.Equal(2, exit);
        Assert.StartsWith("usage: Parasol.BackOffice setup", output.ToString(), StringComparison.Ordinal);
        await using var db = App.Database.CreateDbContext();
        Assert.False(await db.OfficeProfiles.AnyAsync());
        Assert.False(await db.Users.AnyAsync());
    }

    [GeneratedRegex(@"First password \(shown once\): (?<password>\S+)")]
    private static partial Regex FirstPassword();
}
