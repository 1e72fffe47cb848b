using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Parasol.Core.Time;
using Parasol.Testing;

namespace Parasol.Portal.Tests.Pages;

public sealed class HomePageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_home_page_names_the_office_in_Polish_by_default()
    {
        using var client = portal.App.CreateClient();
        var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("pl", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Miejski Ośrodek Pomocy Społecznej w Lipowcu", page.Text(".site-name"), StringComparison.Ordinal);
        Assert.Equal("Wsparcie dla rodzin", page.Text("h1"));
    }

    [Theory]
    [InlineData("en", "Support for families")]
    [InlineData("uk", "Підтримка для сімей")]
    public async Task The_home_page_speaks_the_chosen_language(string culture, string heading)
    {
        using var client = portal.App.CreateClient();
        var page = await Html.ParseAsync(await client.GetAsync(new Uri($"/?culture={culture}", UriKind.Relative)));

        Assert.Equal(culture, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(heading, page.Text("h1"));
    }

    [Fact]
    public async Task The_home_page_leads_to_the_three_journeys_and_the_status_check()
    {
        using var client = portal.App.CreateClient();
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/", UriKind.Relative)));

        var links = page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/apply/family-assistant", links);
        Assert.Contains("/za-zyciem", links);
        Assert.Contains("/refer", links);
        Assert.Contains("/status", links);
        Assert.Equal(3, page.QuerySelectorAll(".entry-points > li").Length);
    }

    [Fact]
    public async Task On_Christmas_Eve_morning_the_office_is_open_Thursday_is_highlighted_and_Adam_and_Eve_have_their_name_day()
    {
        // Thursday 24 December 2026, 09:15 in Warsaw (08:15 UTC): open 07:30-15:30.
        var page = await HomeAtAsync(new DateTimeOffset(2026, 12, 24, 8, 15, 0, TimeSpan.Zero));

        Assert.Equal("Ośrodek jest teraz otwarty.", page.Text(".open-now"));
        var today = page.QuerySelectorAll("tr.today");
        Assert.Single(today);
        Assert.StartsWith("Czwartek (dziś)", today[0].QuerySelector("th")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("date", today[0].GetAttribute("aria-current"));
        Assert.Contains("07:30–15:30", today[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Adam, Ewa", page.Text(".name-days"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_closing_time_and_at_the_weekend_the_office_is_closed()
    {
        // Friday 2026-11-27 14:30 Warsaw (closes 14:00), then Sunday noon.
        var friday = await HomeAtAsync(WarsawTime.ToUtc(new DateOnly(2026, 11, 27), new TimeOnly(14, 30)));
        var sunday = await HomeAtAsync(WarsawTime.ToUtc(new DateOnly(2026, 11, 29), new TimeOnly(12, 0)));

        Assert.Equal("Ośrodek jest teraz zamknięty.", friday.Text(".open-now"));
        Assert.Equal("Ośrodek jest teraz zamknięty.", sunday.Text(".open-now"));
        Assert.StartsWith("Niedziela (dziś)", sunday.Text("tr.today th"), StringComparison.Ordinal);
        Assert.Contains("nieczynne", sunday.Text("tr.today td"), StringComparison.Ordinal);
        Assert.Equal(7, sunday.QuerySelectorAll(".opening-hours tr").Length);
    }

    [Fact]
    public async Task Health_reports_a_reachable_database()
    {
        using var client = portal.App.CreateClient();
        var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> HomeAtAsync(DateTimeOffset utc)
    {
        await using var app = new ParasolAppFactory<SharedResource>(portal.App.Database)
        {
            ConfigureTestServices = services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(utc)),
        };
        using var client = app.CreateClient();
        return await Html.ParseAsync(await client.GetAsync(new Uri("/", UriKind.Relative)));
    }
}
