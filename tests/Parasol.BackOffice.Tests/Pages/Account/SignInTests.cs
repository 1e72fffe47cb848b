using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
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
        Assert.Equal("Adres e-mail lub hasło są nieprawidłowe", page.Text(".field-error"));
        Assert.Equal("Adres e-mail lub hasło są nieprawidłowe", page.Text(".error-summary a[href='#Email']"));
        Assert.Equal("kancelaria@ops.example", page.QuerySelector("#Email")!.GetAttribute("value"));
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
}
