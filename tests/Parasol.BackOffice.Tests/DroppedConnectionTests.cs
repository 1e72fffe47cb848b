using Microsoft.EntityFrameworkCore;
using Parasol.Core.Seeding;
using Parasol.Testing;

namespace Parasol.BackOffice.Tests;

/// <summary>
/// A member of staff's connection is reset while a form is on its way (a laptop leaving the office's Wi-Fi): the back
/// office lets the request go without an error in its log, and nothing was done with the half-sent form.
/// </summary>
public sealed class DroppedConnectionTests(BackOfficeFactory backOffice) : IClassFixture<BackOfficeFactory>
{
    [Fact]
    public async Task A_sign_in_cut_off_by_a_reset_leaves_no_error_and_no_sign_in()
    {
        using var network = new DroppingNetwork();
        await using var app = new ParasolAppFactory<SharedResource>(backOffice.App.Database)
        {
            ConfigureTestServices = services => network.WatchRequests(services, r => r.Method == "POST"),
        };
        using var http = network.Connect(app.StartOnRealPort());
        var signIn = await Html.ParseAsync(await http.GetAsync(new Uri("/Account/SignIn", UriKind.Relative)));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Html.AntiforgeryToken(signIn),
            ["Email"] = "kancelaria@ops.example",
            ["Password"] = DemoStaff.Password,
            // A long field, so that the form spans many packets and the reset comes in its middle.
            ["Padding"] = new string('x', 20_000),
        });
        var whole = await form.ReadAsByteArrayAsync();

        // Several times: whether the log would get an error depends on which thread gets there first.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var body = new StalledBody(whole[..(whole.Length / 2)], whole.Length, "application/x-www-form-urlencoded");
            await network.SendAndResetAsync(http, new Uri("/Account/SignIn", UriKind.Relative), body);
        }
        // Kestrel would log a failed drain of the body just after the request has ended: give it that moment.
        await Task.Delay(500);

        Assert.True(app.ServerErrors.Entries.Count == 0, app.ServerErrors.ToString());
        await using var db = app.Database.CreateDbContext();
        Assert.False(await db.SignInSessions.AnyAsync());
    }
}
