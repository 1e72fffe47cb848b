using System.Net;
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
    public async Task Health_reports_a_reachable_database()
    {
        using var client = portal.App.CreateClient();
        var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
