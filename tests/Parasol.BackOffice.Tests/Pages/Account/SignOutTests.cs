using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Parasol.Core.Seeding;
using Parasol.Testing;

namespace Parasol.BackOffice.Tests.Pages.Account;

/// <summary>
/// Ending a session takes effect on its very next request, even for a copy of its cookie, without waiting for the
/// periodic session check (left at its default here).
/// </summary>
public sealed class SignOutTests(BackOfficeFactory backOffice) : IClassFixture<BackOfficeFactory>
{
    [Fact]
    public async Task A_copy_of_a_signed_out_cookie_is_refused_and_the_persons_other_sessions_stay_signed_in()
    {
        var app = backOffice.App;
        var casePath = await CasePathAsync();
        using var office = StaffSession.Anonymous(app);
        var signIn = await StaffSession.PostFormAsync(office, "/Account/SignIn", new() { ["Email"] = "kancelaria@ops.example", ["Password"] = DemoStaff.Password });
        using var copy = WithCookie(app, SessionCookie(signIn));
        using var home = await StaffSession.SignInAsync(app, "kancelaria@ops.example");
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync(new Uri(casePath, UriKind.Relative))).StatusCode);

        var signOut = await StaffSession.PostFormAsync(office, "/Account/SignOut", [], formPage: "/Account/Security");

        Assert.Equal("/Account/SignIn", StaffSession.Target(signOut));
        Assert.StartsWith("/Account/SignIn", StaffSession.Target(await copy.GetAsync(new Uri(casePath, UriKind.Relative)))!, StringComparison.Ordinal);
        Assert.StartsWith("/Account/SignIn", StaffSession.Target(await office.GetAsync(new Uri(casePath, UriKind.Relative)))!, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await home.GetAsync(new Uri(casePath, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Deactivating_a_member_ends_their_open_sessions_at_once()
    {
        var app = backOffice.App;
        await using var db = app.Database.CreateDbContext();
        var member = await db.Users.SingleAsync(u => u.Email == "p.wojcik@ops.example");
        using var session = await StaffSession.SignInAsync(app, "p.wojcik@ops.example");
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync(new Uri("/Account/Security", UriKind.Relative))).StatusCode);
        using var admin = await StaffSession.SignInAsync(app, "admin@ops.example");

        await StaffSession.PostFormAsync(admin, $"/Admin/Staff/Edit/{member.Id}?handler=Active", new() { ["active"] = "false" }, formPage: $"/Admin/Staff/Edit/{member.Id}");

        Assert.StartsWith("/Account/SignIn", StaffSession.Target(await session.GetAsync(new Uri("/Account/Security", UriKind.Relative)))!, StringComparison.Ordinal);
    }

    private async Task<string> CasePathAsync()
    {
        await using var db = backOffice.App.Database.CreateDbContext();
        return $"/cases/{(await db.Cases.OrderBy(c => c.Number).FirstAsync()).Id}";
    }

    /// <summary>The staff cookie as the browser received it at sign-in (name=value, every chunk of it).</summary>
    private static string SessionCookie(HttpResponseMessage signIn) =>
        string.Join("; ", signIn.Headers.GetValues("Set-Cookie")
            .Where(c => c.StartsWith("parasol-staff", StringComparison.Ordinal) && !c.StartsWith("parasol-staff-csrf", StringComparison.Ordinal))
            .Select(c => c.Split(';')[0]));

    /// <summary>Someone else's client replaying a copied cookie: it sends exactly that and keeps nothing.</summary>
    private static HttpClient WithCookie(Parasol.Testing.ParasolAppFactory<SharedResource> app, string cookie)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }
}
