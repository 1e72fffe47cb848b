using System.Net;
using Microsoft.EntityFrameworkCore;
using Parasol.Core.Seeding;
using Parasol.Testing;

namespace Parasol.BackOffice.Tests.Pages.Account;

/// <summary>
/// Sign-in attempts limited per client address: refused with 429 and a readable reason, even with the right password,
/// except in a browser that holds the account's device cookie.
/// </summary>
public sealed class SignInLimitTests(BackOfficeFactory backOffice) : IClassFixture<BackOfficeFactory>
{
    [Fact]
    public async Task Past_the_limit_for_an_address_its_browsers_are_refused_but_one_that_signed_in_before_is_not()
    {
        await using var app = await LimitedAsync(perAddress: 3);
        using var own = await StaffSession.SignInAsync(app, "kancelaria@ops.example");
        await StaffSession.PostFormAsync(own, "/Account/SignOut", [], formPage: "/Account/Security");
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await SignInAsync(app, "kancelaria@ops.example", "wrong-password-123")).Response.StatusCode);
        }

        var (response, page) = await SignInAsync(app, "kancelaria@ops.example", DemoStaff.Password);
        var ownBrowser = await StaffSession.PostFormAsync(own, "/Account/SignIn", new() { ["Email"] = "kancelaria@ops.example", ["Password"] = DemoStaff.Password });

        var minutes = RetryAfter.Minutes(response, TimeSpan.FromMinutes(15));
        Assert.Equal($"Zbyt wiele prób logowania. Poczekaj {minutes} min i spróbuj ponownie.", page.Text(".error-summary a[href='#Email']"));
        Assert.Equal("/", StaffSession.Target(ownBrowser));
    }

    [Fact]
    public async Task One_address_trying_many_accounts_is_refused_in_the_persons_language()
    {
        await using var app = await LimitedAsync(perAddress: 4);
        foreach (var email in new[] { "a@ops.example", "b@ops.example", "c@ops.example", "d@ops.example" })
        {
            Assert.Equal(HttpStatusCode.OK, (await SignInAsync(app, email, "wrong-password-123")).Response.StatusCode);
        }

        var (response, page) = await SignInAsync(app, "e@ops.example", "wrong-password-123", "?culture=uk");

        var minutes = RetryAfter.Minutes(response, TimeSpan.FromMinutes(15));
        Assert.Equal($"Забагато спроб входу. Зачекайте {minutes} хв і спробуйте ще раз.", page.Text(".error-summary a[href='#Email']"));
        Assert.DoesNotContain("Exception", page.Body!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>A BackOffice with these limits and fresh allowances (counters live in the database, shared by the class's tests).</summary>
    private async Task<ParasolAppFactory<SharedResource>> LimitedAsync(int perAddress)
    {
        await using (var db = backOffice.App.Database.CreateDbContext())
        {
            await db.AttemptCounters.ExecuteDeleteAsync();
        }
        var app = new ParasolAppFactory<SharedResource>(backOffice.App.Database);
        app.Settings["Staff:SignInLimit:PerAddress:PermitLimit"] = perAddress.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return app;
    }

    private static async Task<(HttpResponseMessage Response, AngleSharp.Html.Dom.IHtmlDocument Page)> SignInAsync(ParasolAppFactory<SharedResource> app, string email, string password, string query = "")
    {
        using var client = app.CreateClient();
        var form = await Html.ParseAsync(await client.GetAsync(new Uri("/Account/SignIn" + query, UriKind.Relative)));
        var response = await client.PostAsync(new Uri("/Account/SignIn" + query, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = Html.AntiforgeryToken(form),
        }));
        return (response, await Html.ParseAsync(response));
    }
}
