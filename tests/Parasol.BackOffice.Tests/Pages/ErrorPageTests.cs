using System.Net;
using Parasol.Testing;

namespace Parasol.BackOffice.Tests.Pages;

public sealed class ErrorPageTests(BackOfficeFactory backOffice) : IClassFixture<BackOfficeFactory>
{
    [Fact]
    public async Task A_signed_in_clerk_who_mistypes_an_address_gets_a_404_page_leading_back_to_the_cases()
    {
        using var client = await StaffSession.SignInAsync(backOffice.App, "kancelaria@ops.example");

        var response = await client.GetAsync(new Uri("/no-such-page", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Nie znaleziono strony", page.Text("h1"));
        Assert.Contains(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/");
    }

    [Fact]
    public async Task A_sign_in_posted_without_its_antiforgery_token_gets_a_400_page_not_a_blank_one()
    {
        using var client = StaffSession.Anonymous(backOffice.App);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "kancelaria@ops.example" });

        var response = await client.PostAsync(new Uri("/Account/SignIn", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Nie udało się wysłać strony", page.Text("h1"));
    }

    /// <summary>PostgreSQL cannot store a NUL: a form carrying one is refused as one the server cannot read, as in the Portal.</summary>
    [Fact]
    public async Task A_form_with_a_nul_character_gets_a_400_page_not_a_500()
    {
        using var client = StaffSession.Anonymous(backOffice.App);
        var errorsBefore = backOffice.App.ServerErrors.Entries.Count;

        var response = await StaffSession.PostFormAsync(client, "/Account/SignIn", new() { ["Email"] = "kancelaria\u0000@ops.example", ["Password"] = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Nie udało się wysłać strony", (await Html.ParseAsync(response)).Text("h1"));
        Assert.Equal(errorsBefore, backOffice.App.ServerErrors.Entries.Count);
    }

    [Theory]
    [InlineData("TRACE")]
    [InlineData("DELETE")]
    public async Task A_method_no_page_answers_gets_a_405_page_not_a_500(string method)
    {
        using var client = await StaffSession.SignInAsync(backOffice.App, "kancelaria@ops.example");
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri("/", UriKind.Relative));

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("Nie udało się wysłać strony", (await Html.ParseAsync(response)).Text("h1"));
    }

    [Fact]
    public async Task When_the_database_goes_down_staff_get_a_friendly_500_page_with_a_reference_and_no_technical_detail()
    {
        var database = await TestDatabase.CreateAsync();
        await using var app = new ParasolAppFactory<SharedResource>(database);
        using var client = await StaffSession.SignInAsync(app, "kancelaria@ops.example");

        await database.DisposeAsync();
        var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var page = await Html.ParseAsync(response);
        Assert.Equal("Przepraszamy, wystąpił błąd", page.Text("h1"));
        Assert.Matches("Numer zgłoszenia: [0-9a-f]{32}", page.Text("main"));
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Npgsql", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_many_cookies_for_the_back_office_get_the_431_page_instead_of_a_blank_one()
    {
        await using var app = new ParasolAppFactory<SharedResource>(backOffice.App.Database);
        using var client = RawHeadersClient.For(app.StartOnRealPort());

        var response = await client.GetWithCookieAsync("/Account/SignIn", RawHeadersClient.OtherSitesCookies(kilobytes: 40));

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Twoja przeglądarka wysłała zbyt dużo danych", page.Text("h1"));
        Assert.Contains("zaloguj się ponownie", page.Text("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_address_too_long_gets_the_414_page_leading_back_to_the_cases()
    {
        using var client = await StaffSession.SignInAsync(backOffice.App, "kancelaria@ops.example");

        var response = await client.GetAsync(new Uri("/?q=" + new string('a', 9_000), UriKind.Relative));

        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Adres strony jest za długi", page.Text("h1"));
        Assert.Contains(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/");
    }

    [Fact]
    public async Task A_cookie_of_another_site_in_iso_8859_2_does_not_keep_staff_from_signing_in()
    {
        await using var app = new ParasolAppFactory<SharedResource>(backOffice.App.Database);
        using var client = RawHeadersClient.For(app.StartOnRealPort());
        // "miasto=Łódź" as an older municipal website writes it (ISO-8859-2: not UTF-8).
        var cookie = "miasto=" + RawHeadersClient.Bytes("Łódź", RawHeadersClient.Iso88592);

        var response = await client.GetWithCookieAsync("/Account/SignIn", cookie);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await Html.ParseAsync(response)).QuerySelector("main form input[type=password]"));
    }
}
