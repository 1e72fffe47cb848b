using Parasol.Testing;

namespace Parasol.Portal.Tests.Pages;

public sealed class AccessibilityStatementTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly string[] TemplateIds =
    [
        "a11y-wstep", "a11y-podmiot", "a11y-url", "a11y-data-publikacja", "a11y-data-aktualizacja", "a11y-status",
        "a11y-data-sporzadzenie", "a11y-kontakt", "a11y-osoba", "a11y-email", "a11y-telefon", "a11y-procedura",
        "a11y-architektura", "a11y-aplikacje",
    ];

    [Theory]
    [InlineData("pl")]
    [InlineData("en")]
    [InlineData("uk")]
    public async Task The_statement_uses_every_element_id_of_the_national_template_with_the_configured_facts(string language)
    {
        await using var app = new ParasolAppFactory<SharedResource>(portal.App.Database);
        app.Settings["AccessibilityStatement:PublishedOn"] = "2025-03-01";
        app.Settings["AccessibilityStatement:UpdatedOn"] = "2026-10-02";
        app.Settings["AccessibilityStatement:PreparedOn"] = "2026-10-05";
        app.Settings["AccessibilityStatement:ContactName"] = "Irena Testowa";
        app.Settings["AccessibilityStatement:ContactEmail"] = "a11y@test.example";
        app.Settings["AccessibilityStatement:ContactPhone"] = "+48 11 222 33 44";
        using var client = app.CreateClient();

        var page = await Html.ParseAsync(await client.GetAsync(new Uri($"/accessibility?culture={language}", UriKind.Relative)));

        Assert.All(TemplateIds, id => Assert.True(page.GetElementById(id) is not null, $"#{id} is missing in {language}"));
        Assert.Equal("Miejski Ośrodek Pomocy Społecznej w Lipowcu", page.Text("#a11y-podmiot"));
        Assert.Equal("2025-03-01", page.Text("#a11y-data-publikacja"));
        Assert.Equal("2026-10-02", page.Text("#a11y-data-aktualizacja"));
        Assert.Equal("2026-10-05", page.Text("#a11y-data-sporzadzenie"));
        Assert.Equal("Irena Testowa", page.Text("#a11y-osoba"));
        Assert.Equal("a11y@test.example", page.Text("#a11y-email"));
        Assert.Equal("+48 11 222 33 44", page.Text("#a11y-telefon"));
        Assert.Contains(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/accessibility-request");
        Assert.Contains("/accessibility", page.QuerySelectorAll("footer a").Select(a => a.GetAttribute("href")));
    }
}
