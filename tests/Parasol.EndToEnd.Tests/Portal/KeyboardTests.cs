using Microsoft.Playwright;
using Parasol.Testing;

namespace Parasol.EndToEnd.Tests.Portal;

[Collection(PortalSiteCollection.Name)]
public sealed class KeyboardTests(PortalSite site)
{
    [Fact]
    public async Task With_the_keyboard_alone_a_visitor_answers_the_cookie_banner_sets_text_and_contrast_switches_language_and_navigates()
    {
        await using var context = await Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url.ToString());

        await TabToAsync(page, "Akceptuję funkcjonalne pliki cookie");
        await page.RunAndWaitForResponseAsync(() => page.Keyboard.PressAsync("Enter"), "**/preferences/consent");
        Assert.Equal("true", await page.EvaluateAsync<string>("String(document.activeElement.hasAttribute('data-consent-done'))"));
        await Assertions.Expect(page.Locator(":focus")).ToContainTextAsync("Zaakceptowano funkcjonalne pliki cookie.");
        Assert.False(await page.Locator("[data-consent-question]").IsVisibleAsync());
        Assert.Contains(await context.CookiesAsync(), c => c.Name == "parasol-consent" && c.Value == "accepted");
        await TabToAsync(page, "Ukryj ten komunikat");
        await page.RunAndWaitForResponseAsync(() => page.Keyboard.PressAsync("Enter"), "**/preferences/consent/hide");
        Assert.False(await page.Locator(".consent-banner").IsVisibleAsync());

        await TabToAsync(page, "200%");
        await page.RunAndWaitForResponseAsync(() => page.Keyboard.PressAsync("Enter"), "**/preferences/font");
        Assert.Contains("font-200", await page.Locator("html").GetAttributeAsync("class") ?? "", StringComparison.Ordinal);
        Assert.Equal("true", await page.Locator(":focus").GetAttributeAsync("aria-pressed"));

        await TabToAsync(page, "Wysoki kontrast");
        await page.RunAndWaitForResponseAsync(() => page.Keyboard.PressAsync("Space"), "**/preferences/contrast");
        Assert.Contains("contrast-high", await page.Locator("html").GetAttributeAsync("class") ?? "", StringComparison.Ordinal);
        Assert.Equal("true", await page.Locator(":focus").GetAttributeAsync("aria-pressed"));
        await AssertFocusVisibleAsync(page);

        await TabToAsync(page, "English", backwards: true);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        Assert.Equal("Support for families", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("contrast-high", await page.Locator("html").GetAttributeAsync("class") ?? "", StringComparison.Ordinal);

        await TabToAsync(page, "Contact");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Contact");
        Assert.Equal("/contact", new Uri(page.Url).AbsolutePath);
    }

    /// <summary>Presses Tab (or Shift+Tab) until the focused element reads <paramref name="text"/>, checking each stop shows its focus.</summary>
    private static async Task TabToAsync(IPage page, string text, bool backwards = false)
    {
        var stops = new List<string>();
        for (var presses = 0; presses < 80; presses++)
        {
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            var focused = await page.EvaluateAsync<string>("document.activeElement.textContent.trim()");
            if (focused == text)
            {
                await AssertFocusVisibleAsync(page);
                return;
            }
            stops.Add(focused.Length > 40 ? focused[..40] : focused);
            await AssertFocusVisibleAsync(page);
        }
        Assert.Fail($"Tab never reached \"{text}\": {string.Join(" → ", stops)}");
    }

    private static async Task AssertFocusVisibleAsync(IPage page)
    {
        var focused = page.Locator(":focus");
        var tag = await page.EvaluateAsync<string>("document.activeElement.outerHTML.slice(0, 120)");
        Assert.True(await focused.IsVisibleAsync(), $"The focused element is not visible: {tag}");
        Assert.NotEqual("BODY", await page.EvaluateAsync<string>("document.activeElement.tagName"));
        var style = await page.EvaluateAsync<string>("""
            (() => { const s = getComputedStyle(document.activeElement);
                     return s.outlineStyle + ' ' + s.outlineWidth + ' | ' + s.boxShadow; })()
            """);
        var outline = style.Split(" | ")[0].Split(' ');
        var hasOutline = outline[0] != "none" && double.Parse(outline[1].Replace("px", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) >= 2;
        var hasShadow = !style.EndsWith("| none", StringComparison.Ordinal);
        Assert.True(hasOutline || hasShadow, $"No visible focus indicator on {tag}: {style}");
    }
}
