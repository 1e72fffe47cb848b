using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Parasol.Core.Seeding;
using Parasol.Testing;

namespace Parasol.BackOffice.Tests.Pages.Account;

public sealed class SignInTests(BackOfficeFactory backOffice) : IClassFixture<BackOfficeFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/Index")]
    public async Task An_anonymous_visitor_is_sent_to_sign_in(string path)
    {
        using var client = backOffice.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/SignIn", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_next_to_the_field_and_the_email_kept()
    {
        using var client = backOffice.App.CreateClient();
        var form = await Html.ParseAsync(await client.GetAsync(new Uri("/Account/SignIn", UriKind.Relative)));

        var response = await client.PostAsync(new Uri("/Account/SignIn", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "kancelaria@ops.example",
            ["Password"] = "not-the-password",
            ["__RequestVerificationToken"] = Html.AntiforgeryToken(form),
        }));

        var page = await Html.ParseAsync(response);
        Assert.Equal(Refused, page.Text(".field-error"));
        Assert.Equal(Refused, page.Text(".error-summary a[href='#Email']"));
        Assert.Equal("kancelaria@ops.example", page.QuerySelector("#Email")!.GetAttribute("value"));
    }

    public const string Refused = "Adres e-mail lub hasło są nieprawidłowe. Po kilku nieudanych próbach logowanie na to konto z przeglądarek, w których wcześniej się na nie nie logowano, zostaje zablokowane na 15 min.";

    [Fact]
    public async Task A_wrong_password_an_unknown_account_and_a_locked_account_are_refused_with_one_and_the_same_message()
    {
        var unknown = await SignInMessageAsync("nie-ma-takiego@ops.example", "wrong-password-0");
        var messages = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            messages.Add(await SignInMessageAsync("m.zielinska@ops.example", "wrong-password-" + i));
        }
        var lockedWithTheRightPassword = await SignInMessageAsync("m.zielinska@ops.example", DemoStaff.Password);

        Assert.Equal(Refused, unknown);
        Assert.All(messages, m => Assert.Equal(Refused, m));
        Assert.Equal(Refused, lockedWithTheRightPassword);
    }

    [Fact]
    public async Task A_deactivated_account_is_named_as_such_only_to_someone_who_knows_its_password()
    {
        await using (var db = backOffice.App.Database.CreateDbContext())
        {
            await db.Users.Where(u => u.Email == "k.lewandowska@ops.example").ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false));
        }

        var wrong = await SignInMessageAsync("k.lewandowska@ops.example", "wrong-password-0");
        var right = await SignInMessageAsync("k.lewandowska@ops.example", DemoStaff.Password);

        Assert.Equal(Refused, wrong);
        Assert.Equal("To konto jest dezaktywowane. Zwróć się do administratora.", right);
    }

    [Fact]
    public async Task A_demo_clerk_signs_in_and_sees_the_open_cases()
    {
        using var client = backOffice.App.CreateClient();
        var form = await Html.ParseAsync(await client.GetAsync(new Uri("/Account/SignIn", UriKind.Relative)));

        var response = await client.PostAsync(new Uri("/Account/SignIn", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "kancelaria@ops.example",
            ["Password"] = DemoStaff.Password,
            ["__RequestVerificationToken"] = Html.AntiforgeryToken(form),
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Sprawy", page.Text("h1"));
        Assert.Matches(@"^Nowe \(\d+\)$", page.Text(".tabs li"));
    }

    [Fact]
    public async Task Health_is_open_to_the_load_balancer()
    {
        using var client = backOffice.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The error a person sees next to the e-mail field after signing in with these credentials.</summary>
    /// <summary>
    /// Typed text loses its control characters before a page sees it; a password does not: the right password with an
    /// invisible character added is a wrong password, not the right one.
    /// </summary>
    [Fact]
    public async Task A_password_is_compared_as_typed_so_an_added_control_character_makes_it_wrong()
    {
        Assert.Equal(Refused, await SignInMessageAsync("j.wisniewski@ops.example", DemoStaff.Password + "\u0007"));

        using var client = await StaffSession.SignInAsync(backOffice.App, "j.wisniewski@ops.example\u001B");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
    }

    private async Task<string> SignInMessageAsync(string email, string password)
    {
        using var client = StaffSession.Anonymous(backOffice.App);
        var response = await StaffSession.PostFormAsync(client, "/Account/SignIn", new() { ["Email"] = email, ["Password"] = password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Html.ParseAsync(response)).Text(".field-error");
    }
}
