using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Parasol.Testing;

namespace Parasol.Portal.Tests.Preferences;

public sealed class PreferenceEndpointsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Before_any_choice_reading_the_portal_sets_no_cookie_at_all()
    {
        using var client = NewClient();
        var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Empty(SetCookies(response));
        Assert.NotNull((await Html.ParseAsync(response)).QuerySelector(".consent-banner"));
    }

    [Fact]
    public async Task Choosing_a_text_size_sets_a_session_cookie_and_returns_to_the_same_page_with_the_size_applied()
    {
        using var client = NewClient();
        var response = await PostAsync(client, "/contact?culture=en", "form[data-preference=font]", ("scale", "200"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/contact", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(SetCookies(response), c => c.StartsWith("parasol-font=200", StringComparison.Ordinal));
        Assert.DoesNotContain("max-age", cookie, StringComparison.OrdinalIgnoreCase);

        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/contact", UriKind.Relative)));
        Assert.Contains("font-200", page.DocumentElement.ClassName, StringComparison.Ordinal);
        var pressed = page.QuerySelectorAll("form[data-preference=font] button[aria-pressed=true]");
        Assert.Equal("200", Assert.Single(pressed).GetAttribute("value"));
    }

    [Fact]
    public async Task High_contrast_toggles_on_and_off_and_announces_its_state()
    {
        using var client = NewClient();
        await PostAsync(client, "/", "form[data-preference=contrast]");
        var on = await Html.ParseAsync(await client.GetAsync(new Uri("/", UriKind.Relative)));

        Assert.Contains("contrast-high", on.DocumentElement.ClassName, StringComparison.Ordinal);
        Assert.Equal("true", on.QuerySelector("form[data-preference=contrast] button")!.GetAttribute("aria-pressed"));

        await PostAsync(client, "/", "form[data-preference=contrast]");
        var off = await Html.ParseAsync(await client.GetAsync(new Uri("/", UriKind.Relative)));
        Assert.DoesNotContain("contrast-high", off.DocumentElement.ClassName, StringComparison.Ordinal);
        Assert.Equal("false", off.QuerySelector("form[data-preference=contrast] button")!.GetAttribute("aria-pressed"));
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task A_return_address_on_another_site_is_replaced_by_the_home_page(string returnUrl)
    {
        using var client = NewClient();
        var response = await PostAsync(client, "/", "form[data-preference=font]", ("scale", "150"), ("returnUrl", returnUrl));

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Origin", "null")]
    public async Task A_preference_posted_from_another_site_is_refused(string header, string value)
    {
        using var client = NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/preferences/contrast")
        {
            Content = new FormUrlEncodedContent([new("contrast", "high"), new("returnUrl", "/")]),
        };
        request.Headers.Add(header, value);
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(SetCookies(response), c => c.StartsWith("parasol-contrast", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_preference_posted_from_the_portal_s_own_page_is_accepted()
    {
        using var client = NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/preferences/contrast")
        {
            Content = new FormUrlEncodedContent([new("contrast", "high"), new("returnUrl", "/")]),
        };
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        request.Headers.Add("Origin", "http://localhost");
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(SetCookies(response), c => c.StartsWith("parasol-contrast=high", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Accepting_functional_cookies_keeps_the_preferences_for_a_year_and_hides_the_banner()
    {
        using var client = NewClient();
        await PostAsync(client, "/", "form[data-preference=font]", ("scale", "150"));

        var response = await PostAsync(client, "/za-zyciem", "form[data-preference=consent]", ("choice", "accepted"));

        Assert.Equal("/za-zyciem", response.Headers.Location!.OriginalString);
        var cookies = SetCookies(response);
        Assert.Contains(cookies, c => c.StartsWith("parasol-consent=accepted", StringComparison.Ordinal) && c.Contains("max-age=31536000", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("parasol-font=150", StringComparison.Ordinal) && c.Contains("max-age=31536000", StringComparison.Ordinal));
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/za-zyciem", UriKind.Relative)));
        Assert.Null(page.QuerySelector("[data-consent-question]:not([hidden])"));
    }

    [Theory]
    [InlineData("accepted", "Zaakceptowano funkcjonalne pliki cookie.")]
    [InlineData("rejected", "Odrzucono funkcjonalne pliki cookie.")]
    public async Task Without_javascript_the_page_returned_to_confirms_the_choice_in_place_of_the_question_with_the_focus_on_it(string choice, string message)
    {
        // Another visitor who chose the same earlier: the page as they see it is in the output cache.
        using var other = NewClient();
        await PostAsync(other, "/contact", "form[data-preference=consent]", ("choice", choice));
        await other.GetAsync(new Uri("/contact", UriKind.Relative));
        await other.GetAsync(new Uri("/contact", UriKind.Relative));
        using var client = NewClient();

        var response = await PostAsync(client, "/contact", "form[data-preference=consent]", ("choice", choice));

        Assert.Equal("/contact", response.Headers.Location!.OriginalString);
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/contact", UriKind.Relative)));
        Assert.True(page.QuerySelector("[data-consent-question]")!.HasAttribute("hidden"));
        var shown = Assert.Single(page.QuerySelectorAll(".consent-confirmation:not([hidden])"));
        Assert.Equal($"{message} Ustawienia plików cookie możesz zmienić w każdej chwili.", string.Join(' ', shown.QuerySelector("p")!.TextContent.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal("/cookies", shown.QuerySelector("p a")!.GetAttribute("href"));
        Assert.Equal(("alert", "-1", true), (shown.GetAttribute("role"), shown.GetAttribute("tabindex"), shown.HasAttribute("autofocus")));
        Assert.Equal("Ukryj ten komunikat", shown.QuerySelector("form button")!.TextContent.Trim());

        // "Hide this message" returns to the same page, now without the banner; so does any later page.
        var hide = shown.QuerySelector<IHtmlFormElement>("form")!;
        var hidden = await client.PostAsync(new Uri(hide.GetAttribute("action")!, UriKind.Relative), new FormUrlEncodedContent(
            hide.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").ToDictionary(input => input.Name!, input => input.Value)));
        Assert.Equal("/contact", hidden.Headers.Location!.OriginalString);
        var after = await Html.ParseAsync(await client.GetAsync(new Uri("/contact", UriKind.Relative)));
        Assert.Null(after.QuerySelector(".consent-banner"));
    }

    [Fact]
    public async Task Rejecting_functional_cookies_turns_kept_preferences_back_into_session_cookies()
    {
        using var client = NewClient();
        await PostAsync(client, "/", "form[data-preference=consent]", ("choice", "accepted"));
        await PostAsync(client, "/", "form[data-preference=contrast]");

        var response = await PostAsync(client, "/cookies", "form[action='/preferences/consent']", ("choice", "rejected"));

        var cookies = SetCookies(response);
        Assert.Contains(cookies, c => c.StartsWith("parasol-consent=rejected", StringComparison.Ordinal));
        // The cookie page says the choice itself: the banner's confirmation is not set for it.
        Assert.DoesNotContain(cookies, c => c.StartsWith("parasol-consent-saved", StringComparison.Ordinal));
        var contrast = Assert.Single(cookies, c => c.StartsWith("parasol-contrast=high", StringComparison.Ordinal));
        Assert.DoesNotContain("max-age", contrast, StringComparison.OrdinalIgnoreCase);
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/cookies", UriKind.Relative)));
        Assert.Contains("Odrzucono funkcjonalne pliki cookie", page.Text("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_switcher_remembers_the_language_and_returns_to_the_same_page()
    {
        using var client = NewClient();
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/privacy", UriKind.Relative)));
        var english = page.QuerySelector<IHtmlAnchorElement>(".language-switcher a[hreflang=en]")!;
        Assert.Equal("pl", page.QuerySelector(".language-switcher a[aria-current]")!.GetAttribute("lang"));

        var response = await client.GetAsync(new Uri(english.GetAttribute("href")!, UriKind.Relative));

        Assert.Equal("/privacy", response.Headers.Location!.OriginalString);
        var after = await Html.ParseAsync(await client.GetAsync(new Uri("/privacy", UriKind.Relative)));
        Assert.Equal("en", after.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Privacy notice", after.Text("h1"));
        Assert.Equal("en", after.QuerySelector(".language-switcher a[aria-current]")!.GetAttribute("lang"));
    }

    private HttpClient NewClient() => portal.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Submits a form of the page the way a browser without JavaScript would.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string pageUrl, string formSelector, params (string Name, string Value)[] fields)
    {
        var page = await Html.ParseAsync(await client.GetAsync(new Uri(pageUrl, UriKind.Relative)));
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No {formSelector} on {pageUrl}");
        var values = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").ToDictionary(input => input.Name!, input => input.Value);
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }
        return await client.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), new FormUrlEncodedContent(values));
    }

    private static List<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? [.. values] : [];
}
