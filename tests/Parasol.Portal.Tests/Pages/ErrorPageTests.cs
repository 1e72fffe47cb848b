using System.Net;
using Parasol.Portal.Tests.Pages.Apply;
using Parasol.Testing;

namespace Parasol.Portal.Tests.Pages;

public sealed class ErrorPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("pl", "Nie znaleziono strony")]
    [InlineData("en", "Page not found")]
    [InlineData("uk", "Сторінку не знайдено")]
    public async Task An_unknown_address_gets_a_404_page_in_the_visitors_language_that_leads_home(string culture, string heading)
    {
        using var client = portal.App.CreateClient();
        var response = await client.GetAsync(new Uri($"/no-such-page?culture={culture}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal(culture, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(heading, page.Text("h1"));
        Assert.Contains(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/");
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_gets_a_400_page_that_says_what_to_do()
    {
        using var client = portal.App.CreateClient();
        using var form = new FormUrlEncodedContent([]);
        var response = await client.PostAsync(new Uri("/apply/family-assistant", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Nie udało się wysłać strony", page.Text("h1"));
        Assert.Contains("odśwież stronę", page.Text("main"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TRACE", "/")]
    [InlineData("PUT", "/no-such-page")]
    [InlineData("DELETE", "/status")]
    [InlineData("OPTIONS", "/contact")]
    public async Task A_method_no_page_answers_gets_a_405_page_with_a_reference_not_a_500(string method, string path)
    {
        using var client = portal.App.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD", "POST"], response.Content.Headers.Allow.Order());
        var page = await Html.ParseAsync(response);
        Assert.Equal("Nie udało się wysłać strony", page.Text("h1"));
        Assert.Matches("[0-9a-f]{32}", page.Text("main"));
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task A_form_value_past_the_forms_limit_gets_the_400_page_not_a_500()
    {
        using var client = portal.App.CreateClient();
        using var form = new FormUrlEncodedContent([new("size", "large"), new("returnUrl", new string('a', 5 * 1024 * 1024))]);
        var response = await client.PostAsync(new Uri("/preferences/font", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Nie udało się wysłać strony", (await Html.ParseAsync(response)).Text("h1"));
    }

    [Fact]
    public async Task A_request_body_past_the_servers_limit_gets_the_413_page_not_a_500()
    {
        await using var app = new ParasolAppFactory<SharedResource>(portal.App.Database);
        // Declared larger than Kestrel accepts (30 MB); the client waits for "100 Continue", so the body is never sent
        // (HttpClient waits 1 s by default, then sends anyway: on a loaded machine the 413 came later, into a broken pipe).
        using var client = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(30) }) { BaseAddress = app.StartOnRealPort() };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/preferences/font", UriKind.Relative))
        {
            Content = new StreamContent(new MemoryStream(new byte[40 * 1024 * 1024])),
        };
        request.Content.Headers.ContentType = new("application/x-www-form-urlencoded");
        request.Headers.ExpectContinue = true;

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Przesłane dane są zbyt duże", page.Text("h1"));
        Assert.DoesNotContain("Exception", page.Text("body"), StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task When_the_database_goes_down_mid_visit_the_visitor_gets_a_friendly_500_page_with_a_reference_and_no_technical_detail()
    {
        var database = await TestDatabase.CreateAsync();
        await using var app = new ParasolAppFactory<SharedResource>(database);
        var form = new FormClient(app.CreateClient());
        await form.GetAsync("/apply/family-assistant");

        // PostgreSQL loses the database between the page and its form being sent.
        await database.DisposeAsync();
        await form.PostAsync([]);

        Assert.Equal(HttpStatusCode.InternalServerError, form.Last!.StatusCode);
        var body = await form.Last.Content.ReadAsStringAsync();
        Assert.Equal("Przepraszamy, wystąpił błąd po naszej stronie", form.Page.Text("h1"));
        Assert.Matches("podaj numer zgłoszenia [0-9a-f]{32}", form.Page.Text("main"));
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Npgsql", body, StringComparison.Ordinal);
        Assert.Contains("no-store", form.Last.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// A browser can carry many cookies of the municipality's other websites to this one. Past 32 KB of headers Kestrel
    /// used to answer on its own, with an empty page; now the family is told what happened and what to do, in the
    /// language they chose (its cookie is among the many), while Kestrel still refuses a request far past any browser's.
    /// </summary>
    [Fact]
    public async Task Too_many_cookies_get_the_431_page_in_the_visitors_language_instead_of_a_blank_one()
    {
        await using var app = new ParasolAppFactory<SharedResource>(portal.App.Database);
        using var client = RawHeadersClient.For(app.StartOnRealPort());

        var fewer = await GetWithCookiesAsync(client, "/status", kilobytes: 30);
        var tooMany = await GetWithCookiesAsync(client, "/status", kilobytes: 40);
        var farTooMany = await GetWithCookiesAsync(client, "/status", kilobytes: 200);

        Assert.Equal(HttpStatusCode.OK, fewer.StatusCode);
        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, tooMany.StatusCode);
        var page = await Html.ParseAsync(tooMany);
        Assert.Equal("uk", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Ваш браузер надіслав забагато даних", page.Text("h1"));
        Assert.Contains("файлів cookie", page.Text("main"), StringComparison.Ordinal);
        Assert.Matches("[0-9a-f]{32}", page.Text("main"));
        Assert.True(tooMany.Headers.CacheControl?.NoStore);
        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, farTooMany.StatusCode);
        Assert.Empty(await farTooMany.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task An_address_too_long_gets_the_414_page_that_leads_home_instead_of_a_blank_one(string method)
    {
        await using var app = new ParasolAppFactory<SharedResource>(portal.App.Database);
        using var client = new HttpClient { BaseAddress = app.StartOnRealPort() };
        var within = new Uri("/status?ref=" + new string('a', 8_000), UriKind.Relative);
        var past = new Uri("/status?ref=" + new string('a', 9_000), UriKind.Relative);

        using var withinRequest = new HttpRequestMessage(HttpMethod.Get, within);
        using var pastRequest = new HttpRequestMessage(new HttpMethod(method), past) { Content = new FormUrlEncodedContent([]) };
        var withinResponse = await client.SendAsync(withinRequest);
        var response = await client.SendAsync(pastRequest);

        Assert.Equal(HttpStatusCode.OK, withinResponse.StatusCode);
        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Adres strony jest za długi", page.Text("h1"));
        Assert.Contains(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/");
    }

    /// <summary>
    /// A browser sends a cookie's bytes as the website that set it wrote them, and another website of the municipality's
    /// domain may keep a Polish word in one (a town, a street searched for), in UTF-8 or, on an older site, ISO-8859-2.
    /// Kestrel refused a header that is not valid UTF-8 with an empty 400: such a family could not open a single page.
    /// </summary>
    [Fact]
    public async Task Cookies_of_other_sites_with_polish_letters_in_any_encoding_do_not_stop_a_family_applying()
    {
        await using var app = new ParasolAppFactory<SharedResource>(portal.App.Database);
        using var client = RawHeadersClient.For(app.StartOnRealPort());
        var iso88592 = RawHeadersClient.Bytes("Łódź", RawHeadersClient.Iso88592);
        var utf8 = RawHeadersClient.Bytes("ul. Żółkiewskiego", System.Text.Encoding.UTF8);

        var response = await client.GetWithCookieAsync("/apply/family-assistant", $"miasto={iso88592}; ostatnio_szukane={utf8}; .AspNetCore.Culture=c%3Den%7Cuic%3Den");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains(page.QuerySelectorAll("main form button"), button => button.TextContent.Trim() == "Start now");
    }

    /// <summary>Cookies of other websites of the municipality's domain, and this one's language cookie.</summary>
    private static Task<HttpResponseMessage> GetWithCookiesAsync(HttpClient client, string path, int kilobytes) =>
        client.GetWithCookieAsync(path, RawHeadersClient.OtherSitesCookies(kilobytes) + "; .AspNetCore.Culture=c%3Duk%7Cuic%3Duk");
}
