using System.Net;
using Microsoft.EntityFrameworkCore;
using Parasol.Core.Audit;
using Parasol.Core.Seeding;
using Parasol.Testing;

namespace Parasol.BackOffice.Tests.Pages.Account;

/// <summary>
/// A browser stays exempt from strangers' lockout only while the person wants it to: signing out everywhere, a new
/// password (but in the browser that set it), an administrator's deactivation or reset, and the person's own "forget"
/// on the Security page end that. Forgetting a browser also signs it out, unless it is the one asking.
/// </summary>
public sealed class TrustedBrowsersTests(BackOfficeFactory backOffice) : IClassFixture<BackOfficeFactory>
{
    private const string NewPassword = "Nowe-haslo-2026!";

    [Fact]
    public async Task After_signing_out_everywhere_no_browser_signs_in_while_strangers_have_locked_the_account_out()
    {
        using var lostLaptop = await StaffSession.SignInAsync(backOffice.App, "a.kowalska@ops.example");
        using var office = await StaffSession.SignInAsync(backOffice.App, "a.kowalska@ops.example");

        await StaffSession.PostFormAsync(office, "/Account/Security?handler=SignOutEverywhere", [], formPage: "/Account/Security");
        await StrangersFailAsync("a.kowalska@ops.example");

        Assert.Equal(SignInTests.Refused, await RefusalAsync(await SignInAsync(lostLaptop, "a.kowalska@ops.example", DemoStaff.Password)));
        Assert.Equal(SignInTests.Refused, await RefusalAsync(await SignInAsync(office, "a.kowalska@ops.example", DemoStaff.Password)));
        Assert.Equal("trusted browsers forgotten: 2", Assert.Single(await AuditAsync("a.kowalska@ops.example", AuditAction.SignedOutEverywhere)));
    }

    [Fact]
    public async Task A_new_password_leaves_only_the_browser_that_set_it_trusted()
    {
        using var other = await StaffSession.SignInAsync(backOffice.App, "j.wisniewski@ops.example");
        using var here = await StaffSession.SignInAsync(backOffice.App, "j.wisniewski@ops.example");

        var changed = await StaffSession.PostFormAsync(here, "/Account/Security?handler=ChangePassword",
            new() { ["CurrentPassword"] = DemoStaff.Password, ["NewPassword"] = NewPassword, ["ConfirmNewPassword"] = NewPassword }, formPage: "/Account/Security");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        await StaffSession.PostFormAsync(here, "/Account/SignOut", [], formPage: "/Account/Security");
        await StrangersFailAsync("j.wisniewski@ops.example");

        Assert.Equal(SignInTests.Refused, await RefusalAsync(await SignInAsync(other, "j.wisniewski@ops.example", NewPassword)));
        Assert.Equal("/", StaffSession.Target(await SignInAsync(here, "j.wisniewski@ops.example", NewPassword)));
        Assert.Equal("other trusted browsers forgotten: 1", Assert.Single(await AuditAsync("j.wisniewski@ops.example", AuditAction.PasswordChanged)));
    }

    [Theory]
    [InlineData("k.lewandowska@ops.example", "deactivated")]
    [InlineData("p.wojcik@ops.example", "two-step sign-in reset")]
    public async Task After_an_administrator_deactivates_or_resets_the_account_its_browsers_share_strangers_lockout(string email, string change)
    {
        using var own = await StaffSession.SignInAsync(backOffice.App, email);
        await StaffSession.PostFormAsync(own, "/Account/SignOut", [], formPage: "/Account/Security");
        var member = await MemberIdAsync(email);
        using var admin = await StaffSession.SignInAsync(backOffice.App, "admin@ops.example");
        var edit = $"/Admin/Staff/Edit/{member}";

        if (change == "deactivated")
        {
            await StaffSession.PostFormAsync(admin, $"{edit}?handler=Active", new() { ["active"] = "false" }, formPage: edit);
            await StaffSession.PostFormAsync(admin, $"{edit}?handler=Active", new() { ["active"] = "true" }, formPage: edit);
        }
        else
        {
            await StaffSession.PostFormAsync(admin, $"{edit}?handler=ResetTwoFactor", [], formPage: edit);
        }
        await StrangersFailAsync(email);

        Assert.Equal(SignInTests.Refused, await RefusalAsync(await SignInAsync(own, email, DemoStaff.Password)));
        await using var db = backOffice.App.Database.CreateDbContext();
        var audited = await db.AuditEntries.Where(e => e.Action == AuditAction.StaffChanged).Select(e => e.Detail).ToListAsync();
        Assert.Contains($"{member}: {change}, trusted browsers forgotten: 1", audited);
    }

    [Fact]
    public async Task The_person_sees_their_trusted_browsers_and_forgets_one_then_all()
    {
        using var lostPhone = await StaffSession.SignInAsync(backOffice.App, "kancelaria@ops.example");
        using var office = await StaffSession.SignInAsync(backOffice.App, "kancelaria@ops.example");

        var page = await StaffSession.GetPageAsync(office, "/Account/Security");
        var rows = page.QuerySelectorAll("table.trusted-browsers tbody tr").ToList();
        Assert.Equal(["Ta przeglądarka", "Inna przeglądarka"], rows.Select(r => r.QuerySelector("td")!.TextContent.Trim()).Order().Reverse());
        Assert.All(rows, r => Assert.Matches(@"^\d{1,2}\.\d{2}\.\d{4} \d{2}:\d{2}$", r.QuerySelectorAll("td")[1].TextContent.Trim()));
        var phoneRow = rows.Single(r => r.QuerySelector("td")!.TextContent.Trim() == "Inna przeglądarka");
        var phoneDevice = phoneRow.QuerySelector("input[name=device]")!.GetAttribute("value")!;
        var forgotten = await StaffSession.PostFormAsync(office, "/Account/Security?handler=ForgetDevice", new() { ["device"] = phoneDevice }, formPage: "/Account/Security");
        Assert.Equal("Przeglądarka nie jest już zaufana i została wylogowana.", (await StaffSession.GetPageAsync(office, StaffSession.Target(forgotten)!)).Text(".notice"));

        await StrangersFailAsync("kancelaria@ops.example");
        Assert.Equal(SignInTests.Refused, await RefusalAsync(await SignInAsync(lostPhone, "kancelaria@ops.example", DemoStaff.Password)));
        await StaffSession.PostFormAsync(office, "/Account/SignOut", [], formPage: "/Account/Security");
        Assert.Equal("/", StaffSession.Target(await SignInAsync(office, "kancelaria@ops.example", DemoStaff.Password)));

        await StaffSession.PostFormAsync(office, "/Account/Security?handler=ForgetAllDevices", [], formPage: "/Account/Security");
        var none = await StaffSession.GetPageAsync(office, "/Account/Security");
        Assert.Null(none.QuerySelector("table.trusted-browsers"));
        Assert.Contains("Teraz żadna przeglądarka nie jest zaufana.", none.Body!.TextContent, StringComparison.Ordinal);
        await StaffSession.PostFormAsync(office, "/Account/SignOut", [], formPage: "/Account/Security");
        Assert.Equal(SignInTests.Refused, await RefusalAsync(await SignInAsync(office, "kancelaria@ops.example", DemoStaff.Password)));
        Assert.Equal(["all: 1, sessions ended: 0", "another browser, sessions ended: 1"], (await AuditAsync("kancelaria@ops.example", AuditAction.TrustedBrowsersForgotten)).Order());
    }

    [Fact]
    public async Task Forgetting_another_browser_signs_it_out_while_this_one_and_the_others_stay_signed_in()
    {
        using var shared = await StaffSession.SignInAsync(backOffice.App, "m.zielinska@ops.example");
        using var home = await StaffSession.SignInAsync(backOffice.App, "m.zielinska@ops.example");
        using var office = await StaffSession.SignInAsync(backOffice.App, "m.zielinska@ops.example");

        var forgotten = await ForgetAsync(office, await ThisDeviceAsync(shared));

        Assert.Equal("Przeglądarka nie jest już zaufana i została wylogowana.", (await StaffSession.GetPageAsync(office, StaffSession.Target(forgotten)!)).Text(".notice"));
        Assert.Equal("/Account/SignIn", await NextRequestAsync(shared));
        Assert.Equal("/Account/Security", await NextRequestAsync(home));
        Assert.Equal("/Account/Security", await NextRequestAsync(office));

        // A browser that forgets itself keeps its session, as do the others.
        var itself = await ForgetAsync(office, await ThisDeviceAsync(office));

        Assert.Equal("Ta przeglądarka nie jest już zaufana. Sesja w niej trwa, dopóki się nie wylogujesz.",
            (await StaffSession.GetPageAsync(office, StaffSession.Target(itself)!)).Text(".notice"));
        Assert.Equal("/Account/Security", await NextRequestAsync(office));
        Assert.Equal("/Account/Security", await NextRequestAsync(home));
        Assert.Equal(["another browser, sessions ended: 1", "this browser, sessions ended: 0"], (await AuditAsync("m.zielinska@ops.example", AuditAction.TrustedBrowsersForgotten)).Order());
    }

    [Fact]
    public async Task Forgetting_all_browsers_signs_out_the_others_while_this_one_stays_signed_in()
    {
        using var shared = await StaffSession.SignInAsync(backOffice.App, "dyrektor@ops.example");
        using var home = await StaffSession.SignInAsync(backOffice.App, "dyrektor@ops.example");
        using var office = await StaffSession.SignInAsync(backOffice.App, "dyrektor@ops.example");

        var forgotten = await StaffSession.PostFormAsync(office, "/Account/Security?handler=ForgetAllDevices", [], formPage: "/Account/Security");

        Assert.Equal("Żadna przeglądarka nie jest już zaufana, a pozostałe zostały wylogowane.",
            (await StaffSession.GetPageAsync(office, StaffSession.Target(forgotten)!)).Text(".notice"));
        Assert.Equal("/Account/SignIn", await NextRequestAsync(shared));
        Assert.Equal("/Account/SignIn", await NextRequestAsync(home));
        Assert.Equal("/Account/Security", await NextRequestAsync(office));
        Assert.Equal(["all: 3, sessions ended: 2"], await AuditAsync("dyrektor@ops.example", AuditAction.TrustedBrowsersForgotten));
    }

    /// <summary>The id of the device this browser holds, as its own row of the Security page gives it.</summary>
    internal static async Task<string> ThisDeviceAsync(HttpClient browser)
    {
        var rows = (await StaffSession.GetPageAsync(browser, "/Account/Security")).QuerySelectorAll("table.trusted-browsers tbody tr");
        var own = rows.Single(r => r.QuerySelector("td")!.TextContent.Trim() == "Ta przeglądarka");
        return own.QuerySelector("input[name=device]")!.GetAttribute("value")!;
    }

    internal static Task<HttpResponseMessage> ForgetAsync(HttpClient browser, string device) =>
        StaffSession.PostFormAsync(browser, "/Account/Security?handler=ForgetDevice", new() { ["device"] = device }, formPage: "/Account/Security");

    /// <summary>Where the browser's next request ends: the page asked for while it is signed in, the sign-in page once it is not.</summary>
    internal static async Task<string> NextRequestAsync(HttpClient browser)
    {
        var response = await browser.GetAsync(new Uri("/Account/Security", UriKind.Relative));
        return response.StatusCode == HttpStatusCode.OK ? "/Account/Security" : StaffSession.Target(response)!.Split('?')[0];
    }

    private async Task StrangersFailAsync(string email)
    {
        for (var i = 0; i < 5; i++)
        {
            using var stranger = StaffSession.Anonymous(backOffice.App);
            await SignInAsync(stranger, email, "guess-" + i);
        }
    }

    private async Task<Guid> MemberIdAsync(string email)
    {
        await using var db = backOffice.App.Database.CreateDbContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private async Task<List<string>> AuditAsync(string email, AuditAction action)
    {
        var member = await MemberIdAsync(email);
        await using var db = backOffice.App.Database.CreateDbContext();
        return await db.AuditEntries.Where(e => e.StaffId == member && e.Action == action).Select(e => e.Detail).ToListAsync();
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        StaffSession.PostFormAsync(client, "/Account/SignIn", new() { ["Email"] = email, ["Password"] = password });

    private static async Task<string> RefusalAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Html.ParseAsync(response)).Text(".field-error");
    }
}
