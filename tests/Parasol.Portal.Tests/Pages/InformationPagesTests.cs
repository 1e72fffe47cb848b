using System.Net;
using Parasol.Testing;

namespace Parasol.Portal.Tests.Pages;

public sealed class InformationPagesTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    public static TheoryData<string, string> PagesAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in new[] { "/", "/family-assistant", "/za-zyciem", "/after-you-apply", "/contact", "/accessibility", "/privacy", "/cookies" })
        {
            foreach (var language in new[] { "pl", "en", "uk" })
            {
                data.Add(page, language);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(PagesAndLanguages))]
    public async Task Every_public_page_has_the_layout_in_every_language(string path, string language)
    {
        using var client = portal.App.CreateClient();
        var response = await client.GetAsync(new Uri($"{path}?culture={language}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Equal("#main", page.QuerySelector("a.skip-link")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("nav.site-nav"));
        Assert.Equal(3, page.QuerySelectorAll(".language-switcher a").Length);
        var footerLinks = page.QuerySelectorAll("footer a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/accessibility", footerLinks);
        Assert.Contains("/privacy", footerLinks);
        Assert.Contains("/cookies", footerLinks);
        Assert.Contains("#top", footerLinks);
        Assert.Contains("ul. 3 Maja 12", page.Text("footer"), StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("[style], style, script:not([src])"));
    }

    [Theory]
    [InlineData("pl", "nie wypłaca pieniędzy")]
    [InlineData("en", "do not grant or pay money")]
    [InlineData("uk", "не виплачує грошей")]
    public async Task The_family_assistant_page_says_what_an_assistant_does_not_do(string language, string text)
    {
        using var client = portal.App.CreateClient();
        var page = await Html.ParseAsync(await client.GetAsync(new Uri($"/family-assistant?culture={language}", UriKind.Relative)));

        Assert.Contains(text, page.Text("main"), StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/apply/family-assistant");
    }

    [Fact]
    public async Task The_za_zyciem_page_leads_to_both_applications_and_states_the_12_month_deadline()
    {
        using var client = portal.App.CreateClient();
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/za-zyciem", UriKind.Relative)));

        var links = page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/apply/za-zyciem-support", links);
        Assert.Contains("/apply/za-zyciem-benefit", links);
        Assert.Contains("w ciągu 12 miesięcy od dnia urodzenia dziecka", page.Text("main"), StringComparison.Ordinal);
        Assert.Contains("4000 zł", page.Text("main"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/za-zyciem")]
    [InlineData("/privacy")]
    public async Task Polish_pages_name_the_za_zyciem_act_by_its_title(string path)
    {
        using var client = portal.App.CreateClient();
        var page = await Html.ParseAsync(await client.GetAsync(new Uri(path, UriKind.Relative)));

        var text = page.Text("main");
        Assert.Contains("o wsparciu kobiet w ciąży i rodzin „Za życiem”", text, StringComparison.Ordinal);
        Assert.DoesNotContain("o wspieraniu kobiet", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_privacy_notice_names_the_data_protection_officer_from_the_office_profile_and_the_supervisory_authority()
    {
        using var client = portal.App.CreateClient();
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/privacy", UriKind.Relative)));

        var text = page.Text("main");
        Assert.Contains("Barbara Jankowska", text, StringComparison.Ordinal);
        Assert.Contains("iod@ops.example", text, StringComparison.Ordinal);
        Assert.Contains("ul. Stawki 2, 00-193 Warszawa", text, StringComparison.Ordinal);
        Assert.Contains("art. 9 ust. 2 lit. b, g i h", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cookie_policy_lists_every_cookie_the_portal_sets()
    {
        using var client = portal.App.CreateClient();
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/cookies?culture=en", UriKind.Relative)));

        var names = page.QuerySelectorAll(".cookie-table tbody th").Select(th => th.TextContent.Trim()).ToList();
        Assert.Equal(["parasol-csrf", "parasol-journeys", "parasol-receipt", "parasol-status", "parasol-consent", "parasol-consent-saved", ".AspNetCore.Culture", "parasol-font", "parasol-contrast"], names);
        Assert.All(page.QuerySelectorAll(".cookie-table tbody tr"), row => Assert.Equal(4, row.QuerySelectorAll("th, td").Length));
    }

    /// <summary>The status cookie's lifetime is the office's setting, and reads right with any number of minutes.</summary>
    [Theory]
    [InlineData("30", "pl", "Do zamknięcia przeglądarki; sprawa pozostaje otwarta najwyżej 30 min")]
    [InlineData("1", "en", "Until you close the browser; the case stays open for at most 1 minute")]
    [InlineData("2", "en", "Until you close the browser; the case stays open for at most 2 minutes")]
    public async Task The_cookie_policy_gives_the_status_cookies_lifetime_as_configured(string minutes, string language, string lifetime)
    {
        await using var app = new ParasolAppFactory<SharedResource>(portal.App.Database);
        app.Settings["Status:SessionMinutes"] = minutes;
        using var client = app.CreateClient();

        var page = await Html.ParseAsync(await client.GetAsync(new Uri($"/cookies?culture={language}", UriKind.Relative)));

        var row = page.QuerySelectorAll(".cookie-table tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == "parasol-status");
        Assert.Equal(lifetime, row.QuerySelectorAll("td")[^1].TextContent.Trim());
    }
}
