using Microsoft.Playwright;
using Parasol.Core.Seeding;
using Parasol.Testing;

namespace Parasol.EndToEnd.Tests;

public sealed class SmokeTests(BothApps apps) : IClassFixture<BothApps>
{
    [Fact]
    public async Task A_family_opens_the_portal_and_a_clerk_signs_in_to_the_back_office()
    {
        await using var context = await Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        var portal = await page.GotoAsync(apps.PortalUrl.ToString());
        Assert.Equal(200, portal!.Status);
        Assert.Equal("Wsparcie dla rodzin", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("pl", await page.Locator("html").GetAttributeAsync("lang"));

        await page.GotoAsync(apps.BackOfficeUrl.ToString());
        Assert.StartsWith("/Account/SignIn", new Uri(page.Url).PathAndQuery, StringComparison.Ordinal);

        await page.GetByLabel("Adres e-mail").FillAsync("kancelaria@ops.example");
        await page.GetByLabel("Hasło").FillAsync(DemoStaff.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Zaloguj się" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sprawy");
        Assert.Equal("/", new Uri(page.Url).AbsolutePath);
    }

    [Fact]
    public async Task The_skip_link_is_the_first_thing_the_keyboard_reaches()
    {
        await using var context = await Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(apps.PortalUrl.ToString());

        await page.Keyboard.PressAsync("Tab");

        var focused = await page.EvaluateAsync<string>("document.activeElement.textContent.trim()");
        Assert.Equal("Przejdź do treści głównej", focused);
        Assert.True(await page.Locator(".skip-link").IsVisibleAsync());
    }
}
