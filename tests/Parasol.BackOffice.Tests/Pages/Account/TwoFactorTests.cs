using System.Net;
using OtpNet;
using Parasol.Core.Seeding;
using Parasol.Testing;

namespace Parasol.BackOffice.Tests.Pages.Account;

/// <summary>The back office as it runs outside development: two-step sign-in required, sessions checked at once.</summary>
public sealed class TwoFactorBackOffice : IAsyncLifetime
{
    public ParasolAppFactory<SharedResource> App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = new ParasolAppFactory<SharedResource>(await TestDatabase.CreateAsync());
        App.Settings["Staff:RequireTwoFactor"] = "true";
        App.Settings["Staff:SessionCheckSeconds"] = "0";
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await App.Database.DisposeAsync();
    }
}

public sealed class TwoFactorTests(TwoFactorBackOffice backOffice) : IClassFixture<TwoFactorBackOffice>
{
    public static string Totp(string key) => new Totp(Base32Encoding.ToBytes(key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant())).ComputeTotp();

    [Fact]
    public async Task A_clerk_enrols_an_authenticator_then_needs_its_code_or_a_recovery_code_to_sign_in()
    {
        var app = backOffice.App;
        using var first = await StaffSession.SignInAsync(app, "kancelaria@ops.example");

        var queue = await first.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal("/Account/Authenticator", StaffSession.Target(queue)!);
        var enrol = await StaffSession.GetPageAsync(first, "/Account/Authenticator");
        var key = enrol.Text("#shared-key");
        var qr = await first.GetAsync(new Uri(enrol.QuerySelector("img.qr-code")!.GetAttribute("src")!, UriKind.Relative));
        Assert.True(qr.StatusCode == HttpStatusCode.OK, $"{qr.StatusCode} {StaffSession.Target(qr)} {await qr.Content.ReadAsStringAsync()}");
        Assert.Equal("image/png", qr.Content.Headers.ContentType!.MediaType);
        Assert.True((await qr.Content.ReadAsByteArrayAsync()).Length > 200);

        var wrong = await StaffSession.PostFormAsync(first, "/Account/Authenticator", new() { ["Code"] = "000000" });
        Assert.Equal("Kod jest nieprawidłowy. Sprawdź czas w telefonie i spróbuj ponownie.", (await Html.ParseAsync(wrong)).Text(".field-error"));
        var done = await Html.ParseAsync(await StaffSession.PostFormAsync(first, "/Account/Authenticator", new() { ["Code"] = Totp(key) }));
        var recoveryCodes = done.QuerySelectorAll(".recovery-codes code").Select(c => c.TextContent).ToList();
        Assert.Equal(10, recoveryCodes.Count);
        Assert.Equal("Sprawy", (await StaffSession.GetPageAsync(first, "/")).Text("h1"));

        // The next sign-in asks for the second step.
        using var second = StaffSession.Anonymous(app);
        var password = await StaffSession.PostFormAsync(second, "/Account/SignIn", new() { ["Email"] = "kancelaria@ops.example", ["Password"] = DemoStaff.Password });
        Assert.StartsWith("/Account/TwoFactor", StaffSession.Target(password)!, StringComparison.Ordinal);
        Assert.StartsWith("/Account/SignIn", StaffSession.Target(await second.GetAsync(new Uri("/", UriKind.Relative)))!, StringComparison.Ordinal);
        var refused = await StaffSession.PostFormAsync(second, "/Account/TwoFactor", new() { ["Code"] = "123456" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var accepted = await StaffSession.PostFormAsync(second, "/Account/TwoFactor", new() { ["Code"] = Totp(key) });
        Assert.Equal("/", StaffSession.Target(accepted)!);
        Assert.Equal("Sprawy", (await StaffSession.GetPageAsync(second, "/")).Text("h1"));

        // A recovery code works once.
        foreach (var expected in new[] { "/", null })
        {
            using var third = StaffSession.Anonymous(app);
            await StaffSession.PostFormAsync(third, "/Account/SignIn", new() { ["Email"] = "kancelaria@ops.example", ["Password"] = DemoStaff.Password });
            var response = await StaffSession.PostFormAsync(third, "/Account/TwoFactor", new() { ["Code"] = recoveryCodes[0] });
            Assert.Equal(expected, StaffSession.Target(response));
        }
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_the_other_sessions_at_their_next_request()
    {
        var app = backOffice.App;
        using var office = await SignInWithEnrolmentAsync(app, "a.kowalska@ops.example");
        using var home = StaffSession.Anonymous(app);
        await StaffSession.PostFormAsync(home, "/Account/SignIn", new() { ["Email"] = "a.kowalska@ops.example", ["Password"] = DemoStaff.Password });
        await StaffSession.PostFormAsync(home, "/Account/TwoFactor", new() { ["Code"] = Totp(_keys["a.kowalska@ops.example"]) });
        Assert.Equal(HttpStatusCode.OK, (await home.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);

        var signOut = await StaffSession.PostFormAsync(office, "/Account/Security?handler=SignOutEverywhere", [], formPage: "/Account/Security");

        Assert.Equal("/Account/SignIn", StaffSession.Target(signOut)!);
        Assert.StartsWith("/Account/SignIn", StaffSession.Target(await home.GetAsync(new Uri("/", UriKind.Relative)))!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_jobs_dashboard_refuses_an_administrator_signed_in_with_the_password_alone()
    {
        var app = backOffice.App;
        using var client = await StaffSession.SignInAsync(app, "admin@ops.example");

        var dashboard = await client.GetAsync(new Uri("/hangfire", UriKind.Relative));
        var trigger = await client.PostAsync(new Uri("/hangfire/recurring/trigger", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["jobs[]"] = "outbox-sweep" }));

        Assert.Equal("/Account/Authenticator", StaffSession.Target(dashboard));
        Assert.Equal("/Account/Authenticator", StaffSession.Target(trigger));

        // With the second factor the dashboard opens.
        var key = (await StaffSession.GetPageAsync(client, "/Account/Authenticator")).Text("#shared-key");
        await StaffSession.PostFormAsync(client, "/Account/Authenticator", new() { ["Code"] = Totp(key) });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/hangfire", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Once_an_authenticator_is_set_up_its_key_and_qr_code_are_never_shown_again()
    {
        using var client = await SignInWithEnrolmentAsync(backOffice.App, "m.zielinska@ops.example");
        var key = _keys["m.zielinska@ops.example"];

        var response = await client.GetAsync(new Uri("/Account/Authenticator", UriKind.Relative));
        var page = await Html.ParseAsync(response);
        var qr = await client.GetAsync(new Uri("/Account/Authenticator?handler=QrCode", UriKind.Relative));
        var again = await StaffSession.PostFormAsync(client, "/Account/Authenticator", new() { ["Code"] = Totp(key) }, formPage: "/Account/Security");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Aplikacja uwierzytelniająca jest skonfigurowana", page.Text("h1"));
        Assert.Null(page.QuerySelector("#shared-key"));
        Assert.Null(page.QuerySelector("img"));
        Assert.DoesNotContain(key.Replace(" ", "", StringComparison.Ordinal), page.Body!.TextContent.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NotFound, qr.StatusCode);
        Assert.Empty((await Html.ParseAsync(again)).QuerySelectorAll(".recovery-codes code"));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account()
    {
        using var client = StaffSession.Anonymous(backOffice.App);
        HttpResponseMessage last = null!;
        for (var i = 0; i < 5; i++)
        {
            last = await StaffSession.PostFormAsync(client, "/Account/SignIn", new() { ["Email"] = "j.wisniewski@ops.example", ["Password"] = "wrong-password-" + i });
        }
        Assert.Equal(SignInTests.Refused, (await Html.ParseAsync(last)).Text(".field-error"));

        var right = await StaffSession.PostFormAsync(client, "/Account/SignIn", new() { ["Email"] = "j.wisniewski@ops.example", ["Password"] = DemoStaff.Password });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Fact]
    public async Task A_browser_is_trusted_through_a_lockout_only_once_both_steps_are_done()
    {
        var app = backOffice.App;
        using var enrolled = await SignInWithEnrolmentAsync(app, "p.wojcik@ops.example");
        await StaffSession.PostFormAsync(enrolled, "/Account/SignOut", [], formPage: "/Account/Security");
        using var halfWay = StaffSession.Anonymous(app);
        var password = await StaffSession.PostFormAsync(halfWay, "/Account/SignIn", new() { ["Email"] = "p.wojcik@ops.example", ["Password"] = DemoStaff.Password });
        Assert.StartsWith("/Account/TwoFactor", StaffSession.Target(password)!, StringComparison.Ordinal);
        for (var i = 0; i < 5; i++)
        {
            using var stranger = StaffSession.Anonymous(app);
            await StaffSession.PostFormAsync(stranger, "/Account/SignIn", new() { ["Email"] = "p.wojcik@ops.example", ["Password"] = "guess-" + i });
        }

        var halfWayAgain = await StaffSession.PostFormAsync(halfWay, "/Account/SignIn", new() { ["Email"] = "p.wojcik@ops.example", ["Password"] = DemoStaff.Password });
        var enrolledAgain = await StaffSession.PostFormAsync(enrolled, "/Account/SignIn", new() { ["Email"] = "p.wojcik@ops.example", ["Password"] = DemoStaff.Password });

        Assert.Equal(SignInTests.Refused, (await Html.ParseAsync(halfWayAgain)).Text(".field-error"));
        Assert.StartsWith("/Account/TwoFactor", StaffSession.Target(enrolledAgain)!, StringComparison.Ordinal);
        var code = await StaffSession.PostFormAsync(enrolled, "/Account/TwoFactor", new() { ["Code"] = Totp(_keys["p.wojcik@ops.example"]) });
        Assert.Equal("/", StaffSession.Target(code));
    }

    [Fact]
    public async Task Forgetting_a_browser_signs_it_out_whether_it_signed_in_with_a_code_or_set_up_the_authenticator_in_it()
    {
        var app = backOffice.App;
        using var enrolled = await SignInWithEnrolmentAsync(app, "k.lewandowska@ops.example");
        using var withCode = await SignInWithCodeAsync(app, "k.lewandowska@ops.example");
        using var office = await SignInWithCodeAsync(app, "k.lewandowska@ops.example");

        await TrustedBrowsersTests.ForgetAsync(office, await TrustedBrowsersTests.ThisDeviceAsync(withCode));
        Assert.Equal("/Account/SignIn", await TrustedBrowsersTests.NextRequestAsync(withCode));
        Assert.Equal("/Account/Security", await TrustedBrowsersTests.NextRequestAsync(enrolled));

        await TrustedBrowsersTests.ForgetAsync(office, await TrustedBrowsersTests.ThisDeviceAsync(enrolled));
        Assert.Equal("/Account/SignIn", await TrustedBrowsersTests.NextRequestAsync(enrolled));
        Assert.Equal("/Account/Security", await TrustedBrowsersTests.NextRequestAsync(office));
    }

    private readonly Dictionary<string, string> _keys = [];

    private async Task<HttpClient> SignInWithCodeAsync(ParasolAppFactory<SharedResource> app, string email)
    {
        var client = StaffSession.Anonymous(app);
        await StaffSession.PostFormAsync(client, "/Account/SignIn", new() { ["Email"] = email, ["Password"] = DemoStaff.Password });
        var code = await StaffSession.PostFormAsync(client, "/Account/TwoFactor", new() { ["Code"] = Totp(_keys[email]) });
        Assert.Equal("/", StaffSession.Target(code));
        return client;
    }

    private async Task<HttpClient> SignInWithEnrolmentAsync(ParasolAppFactory<SharedResource> app, string email)
    {
        var client = await StaffSession.SignInAsync(app, email);
        var key = (await StaffSession.GetPageAsync(client, "/Account/Authenticator")).Text("#shared-key");
        await StaffSession.PostFormAsync(client, "/Account/Authenticator", new() { ["Code"] = Totp(key) });
        _keys[email] = key;
        return client;
    }
}
