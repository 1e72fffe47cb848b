using Microsoft.Playwright;
using Parasol.Testing;

namespace Parasol.EndToEnd.Tests.Portal;

[Collection(PortalSiteCollection.Name)]
public sealed class NoScriptTests(PortalSite site)
{
    [Fact]
    public async Task Without_JavaScript_the_text_size_contrast_language_and_cookie_controls_work_and_return_to_the_same_page()
    {
        await using var context = await Browser.NewContextAsync(javaScriptEnabled: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Page("/contact").ToString());

        await page.GetByRole(AriaRole.Button, new() { Name = "200%" }).ClickAsync();
        Assert.Equal("/contact", new Uri(page.Url).AbsolutePath);
        Assert.Contains("font-200", await page.Locator("html").GetAttributeAsync("class") ?? "", StringComparison.Ordinal);
        Assert.Equal("true", await page.GetByRole(AriaRole.Button, new() { Name = "200%" }).GetAttributeAsync("aria-pressed"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Wysoki kontrast" }).ClickAsync();
        Assert.Equal("/contact", new Uri(page.Url).AbsolutePath);
        Assert.Contains("contrast-high", await page.Locator("html").GetAttributeAsync("class") ?? "", StringComparison.Ordinal);
        Assert.Equal("true", await page.GetByRole(AriaRole.Button, new() { Name = "Wysoki kontrast" }).GetAttributeAsync("aria-pressed"));

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        Assert.Equal("/contact", new Uri(page.Url).AbsolutePath);
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("Contact", await page.Locator("h1").InnerTextAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Reject functional cookies" }).ClickAsync();
        Assert.Equal("/contact", new Uri(page.Url).AbsolutePath);
        // The question gives way to the confirmation of the choice, which has the focus (GOV.UK's cookie banner).
        var confirmation = page.Locator(".consent-confirmation:visible");
        await Assertions.Expect(confirmation).ToContainTextAsync("You have rejected functional cookies.");
        await Assertions.Expect(confirmation).ToBeFocusedAsync();
        Assert.False(await page.Locator("[data-consent-question]").IsVisibleAsync());
        Assert.Contains(await context.CookiesAsync(), c => c.Name == "parasol-consent" && c.Value == "rejected");
        await page.GetByRole(AriaRole.Button, new() { Name = "Hide this message" }).ClickAsync();
        Assert.Equal("/contact", new Uri(page.Url).AbsolutePath);
        Assert.Equal(0, await page.Locator(".consent-banner").CountAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Reset display settings" }).ClickAsync();
        var classes = await page.Locator("html").GetAttributeAsync("class") ?? "";
        Assert.DoesNotContain("contrast-high", classes, StringComparison.Ordinal);
        Assert.Contains("font-100", classes, StringComparison.Ordinal);
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
    }
}
