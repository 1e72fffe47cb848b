using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Parasol.Core.Seeding;
using Parasol.Core.Staff;
using Parasol.Testing;

namespace Parasol.BackOffice.Tests.Pages.Account;

/// <summary>
/// OWASP's device cookies: whoever knows a staff address can lock out browsers that have never signed in to that
/// account, but not the person's own browser, which has a small allowance of its own.
/// </summary>
public sealed class DeviceCookieTests(BackOfficeFactory backOffice) : IClassFixture<BackOfficeFactory>
{
    [Fact]
    public async Task A_browser_that_signed_in_before_still_signs_in_while_strangers_have_locked_the_account_out()
    {
        using var own = await SignedInBeforeAsync("a.kowalska@ops.example");
        await StrangersFailAsync("a.kowalska@ops.example", 5);
        await StrangersFailAsync("j.wisniewski@ops.example", 5);

        using var strangersBrowser = StaffSession.Anonymous(backOffice.App);
        var stranger = await SignInAsync(strangersBrowser, "a.kowalska@ops.example", DemoStaff.Password);
        var ownBrowser = await SignInAsync(own, "a.kowalska@ops.example", DemoStaff.Password);

        Assert.Equal(SignInTests.Refused, await MessageAsync(stranger));
        Assert.Equal("/", StaffSession.Target(ownBrowser));
        Assert.Equal("Sprawy", (await StaffSession.GetPageAsync(own, "/")).Text("h1"));
        // The cookie is for the account that signed in with it, not for anyone signing in from that browser.
        await StaffSession.PostFormAsync(own, "/Account/SignOut", [], formPage: "/Account/Security");
        Assert.Equal(SignInTests.Refused, await MessageAsync(await SignInAsync(own, "j.wisniewski@ops.example", DemoStaff.Password)));
    }

    [Fact]
    public async Task Wrong_passwords_in_the_persons_own_browser_do_not_count_towards_the_lockout_of_other_browsers()
    {
        using var own = await SignedInBeforeAsync("m.zielinska@ops.example");
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(SignInTests.Refused, await MessageAsync(await SignInAsync(own, "m.zielinska@ops.example", "mistyped-password-" + i)));
        }
        await StrangersFailAsync("m.zielinska@ops.example", 4);

        using var newComputer = StaffSession.Anonymous(backOffice.App);
        var signIn = await SignInAsync(newComputer, "m.zielinska@ops.example", DemoStaff.Password);

        Assert.Equal("/", StaffSession.Target(signIn));
    }

    [Fact]
    public async Task A_browser_that_keeps_entering_wrong_passwords_is_trusted_no_more()
    {
        using var own = await SignedInBeforeAsync("p.wojcik@ops.example");
        await StrangersFailAsync("p.wojcik@ops.example", 5);
        // Two slips and then the right password: still trusted, and the allowance is whole again.
        for (var i = 0; i < 2; i++)
        {
            await SignInAsync(own, "p.wojcik@ops.example", "mistyped-password-" + i);
        }
        Assert.Equal("/", StaffSession.Target(await SignInAsync(own, "p.wojcik@ops.example", DemoStaff.Password)));
        await StaffSession.PostFormAsync(own, "/Account/SignOut", [], formPage: "/Account/Security");

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(SignInTests.Refused, await MessageAsync(await SignInAsync(own, "p.wojcik@ops.example", "guessed-password-" + i)));
        }
        var right = await SignInAsync(own, "p.wojcik@ops.example", DemoStaff.Password);

        Assert.Equal(SignInTests.Refused, await MessageAsync(right));
    }

    [Fact]
    public async Task The_director_sees_in_the_audit_log_that_untrusted_browsers_were_locked_out_of_an_account()
    {
        await StrangersFailAsync("kancelaria@ops.example", 5);
        await StrangersFailAsync("nie-ma-takiego@ops.example", 5);
        using var director = await StaffSession.SignInAsync(backOffice.App, "dyrektor@ops.example");
        await using var db = backOffice.App.Database.CreateDbContext();
        var clerk = db.Users.Single(u => u.Email == "kancelaria@ops.example");

        var log = await StaffSession.GetPageAsync(director, $"/Audit?StaffId={clerk.Id}");

        var rows = log.QuerySelectorAll("table.audit tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList()).ToList();
        var row = Assert.Single(rows, r => r[2] == "Zablokowanie logowania");
        Assert.Equal("Anna Nowak", row[1]);
        Assert.Contains("15 min", row[4], StringComparison.Ordinal);
        Assert.DoesNotContain("@", row[4], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_address_costs_the_same_password_hashing_as_a_known_one()
    {
        var hasher = new CountingPasswordHasher();
        await using var app = new ParasolAppFactory<SharedResource>(backOffice.App.Database)
        {
            ConfigureTestServices = services => services.AddSingleton<IPasswordHasher<StaffMember>>(hasher),
        };

        using var client = StaffSession.Anonymous(app);
        // The sign-in form is fetched outside the count: only the post checks a password.
        var known = await hasher.VerificationsDuringAsync(() => SignInAsync(client, "k.lewandowska@ops.example", "wrong-password-0"));
        var unknown = await hasher.VerificationsDuringAsync(() => SignInAsync(client, "nikt-taki@ops.example", "wrong-password-0"));

        Assert.Equal(1, known);
        Assert.Equal(known, unknown);
    }

    /// <summary>A browser in which the person has signed in (and then out): it holds their device cookie.</summary>
    private async Task<HttpClient> SignedInBeforeAsync(string email)
    {
        var client = await StaffSession.SignInAsync(backOffice.App, email);
        await StaffSession.PostFormAsync(client, "/Account/SignOut", [], formPage: "/Account/Security");
        return client;
    }

    private async Task StrangersFailAsync(string email, int times)
    {
        for (var i = 0; i < times; i++)
        {
            using var stranger = StaffSession.Anonymous(backOffice.App);
            Assert.Equal(SignInTests.Refused, await MessageAsync(await SignInAsync(stranger, email, "guess-" + i)));
        }
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        StaffSession.PostFormAsync(client, "/Account/SignIn", new() { ["Email"] = email, ["Password"] = password });

    private static async Task<string> MessageAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Html.ParseAsync(response)).Text(".field-error");
    }

    /// <summary>The real hasher, counting the passwords it checks.</summary>
    private sealed class CountingPasswordHasher : IPasswordHasher<StaffMember>
    {
        private readonly PasswordHasher<StaffMember> _inner = new();
        private int _verifications;

        public async Task<int> VerificationsDuringAsync(Func<Task> action)
        {
            var before = Volatile.Read(ref _verifications);
            await action();
            return Volatile.Read(ref _verifications) - before;
        }

        public string HashPassword(StaffMember user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(StaffMember user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
