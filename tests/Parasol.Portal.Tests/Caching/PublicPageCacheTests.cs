using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Parasol.Core.Time;
using Parasol.Testing;

namespace Parasol.Portal.Tests.Caching;

/// <summary>Information pages are rendered once and served from memory; every visitor must still get their own page.</summary>
public sealed class PublicPageCacheTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_cached_page_is_served_in_each_visitors_language_and_display_settings()
    {
        using var plain = portal.App.CreateClient();
        var first = await Html.ParseAsync(await plain.GetAsync(new Uri("/family-assistant", UriKind.Relative)));
        Assert.Equal("pl", first.DocumentElement.GetAttribute("lang"));

        using var english = portal.App.CreateClient();
        var inEnglish = await Html.ParseAsync(await english.GetAsync(new Uri("/family-assistant?culture=en", UriKind.Relative)));
        Assert.Equal("en", inEnglish.DocumentElement.GetAttribute("lang"));

        using var chosen = Client(("parasol-contrast", "high"), ("parasol-font", "150"), (".AspNetCore.Culture", "c=uk|uic=uk"));
        var withSettings = await Html.ParseAsync(await chosen.GetAsync(new Uri("/family-assistant", UriKind.Relative)));
        Assert.Equal("uk", withSettings.DocumentElement.GetAttribute("lang"));
        Assert.Contains("contrast-high", withSettings.DocumentElement.ClassList);
        Assert.Contains("font-150", withSettings.DocumentElement.ClassList);
        Assert.Equal("true", withSettings.QuerySelector("form[data-preference=contrast] button")!.GetAttribute("aria-pressed"));

        using var consented = Client(("parasol-consent", "rejected"));
        var afterChoice = await Html.ParseAsync(await consented.GetAsync(new Uri("/family-assistant", UriKind.Relative)));
        Assert.Null(afterChoice.QuerySelector(".consent-banner"));

        var again = await Html.ParseAsync(await plain.GetAsync(new Uri("/family-assistant", UriKind.Relative)));
        Assert.Equal("pl", again.DocumentElement.GetAttribute("lang"));
        Assert.DoesNotContain("contrast-high", again.DocumentElement.ClassList);
        Assert.NotNull(again.QuerySelector(".consent-banner"));
    }

    [Fact]
    public async Task The_home_page_follows_the_clock_when_the_office_closes_even_though_it_is_cached()
    {
        // Friday 27 November 2026, the office closes at 14:00 (Warsaw).
        var clock = new FakeTimeProvider(WarsawTime.ToUtc(new DateOnly(2026, 11, 27), new TimeOnly(13, 59)));
        await using var app = new ParasolAppFactory<SharedResource>(portal.App.Database)
        {
            ConfigureTestServices = services => services.AddSingleton<TimeProvider>(clock),
        };
        using var client = app.CreateClient();

        Assert.Equal("Ośrodek jest teraz otwarty.", (await Html.ParseAsync(await client.GetAsync(new Uri("/", UriKind.Relative)))).Text(".open-now"));
        Assert.Equal("Ośrodek jest teraz otwarty.", (await Html.ParseAsync(await client.GetAsync(new Uri("/", UriKind.Relative)))).Text(".open-now"));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("Ośrodek jest teraz zamknięty.", (await Html.ParseAsync(await client.GetAsync(new Uri("/", UriKind.Relative)))).Text(".open-now"));
    }

    [Fact]
    public async Task Pages_with_a_form_are_never_shared_two_visitors_get_their_own_form_tokens()
    {
        using var first = portal.App.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        using var second = portal.App.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });

        var one = await Html.ParseAsync(await first.GetAsync(new Uri("/status", UriKind.Relative)));
        var other = await Html.ParseAsync(await second.GetAsync(new Uri("/status", UriKind.Relative)));

        var token = "input[name=__RequestVerificationToken]";
        Assert.NotNull(one.QuerySelector(token));
        Assert.NotEqual(one.QuerySelector(token)!.GetAttribute("value"), other.QuerySelector(token)!.GetAttribute("value"));
    }

    [Fact]
    public async Task Cached_pages_carry_the_security_headers_and_no_cookie()
    {
        using var client = portal.App.CreateClient();
        await client.GetAsync(new Uri("/privacy", UriKind.Relative));
        var cached = await client.GetAsync(new Uri("/privacy", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
        Assert.Contains("frame-ancestors 'none'", cached.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.False(cached.Headers.Contains("Set-Cookie"));
    }

    private HttpClient Client(params (string Name, string Value)[] cookies)
    {
        var client = portal.App.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Name}={Uri.EscapeDataString(c.Value)}")));
        return client;
    }
}
