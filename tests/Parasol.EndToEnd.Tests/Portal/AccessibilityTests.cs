using System.Diagnostics;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Parasol.Testing;
using Xunit.Abstractions;

namespace Parasol.EndToEnd.Tests.Portal;

[Collection(PortalSiteCollection.Name)]
public sealed class AccessibilityTests(PortalSite site, ITestOutputHelper output)
{
    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    private static readonly (string Name, bool HighContrast, int FontScale)[] Modes =
        [("normal", false, 100), ("high contrast", true, 100), ("text 200%", false, 200)];

    [Theory]
    [InlineData("pl")]
    [InlineData("en")]
    [InlineData("uk")]
    public async Task Every_public_page_passes_axe_in_normal_and_high_contrast_and_at_the_largest_text(string language)
    {
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        foreach (var (mode, highContrast, fontScale) in Modes)
        {
            await using var context = await Browser.NewContextAsync();
            await site.SetPreferencesAsync(context, language, highContrast, fontScale);
            var page = await context.NewPageAsync();
            foreach (var path in PortalSite.PublicPages)
            {
                var response = await page.GotoAsync(site.Page(path).ToString());
                Assert.Equal(200, response!.Status);
                Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));

                var result = await page.RunAxe(WcagAa);
                Assert.NotEmpty(result.Passes);

                failures.AddRange(result.Violations.Select(v =>
                    $"{path} [{language}, {mode}] {v.Id}: {v.Help} at {string.Join(" | ", v.Nodes.Select(n => n.Target?.ToString()))}"));
            }
        }
        output.WriteLine($"axe: {PortalSite.PublicPages.Length} pages × {Modes.Length} modes in {language}, {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Error_messages_hints_step_progress_and_notices_pass_axe_in_normal_and_high_contrast(bool highContrast)
    {
        await using var context = await Browser.NewContextAsync();
        await site.SetPreferencesAsync(context, "pl", highContrast);
        var page = await context.NewPageAsync();
        var failures = new List<string>();
        async Task CheckAsync(string what)
        {
            var result = await page.RunAxe(WcagAa);
            Assert.NotEmpty(result.Passes);
            failures.AddRange(result.Violations.Select(v => $"{what}: {v.Id}: {v.Help} at {string.Join(" | ", v.Nodes.Select(n => n.Target?.ToString()))}"));
        }

        await page.GotoAsync(site.Page("/apply/family-assistant").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Rozpocznij" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Dalej" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-message").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".step-progress")).ToBeVisibleAsync();
        // Keyboard and screen-reader users start at the summary of the mistakes, whose links lead to each field.
        await Assertions.Expect(page.Locator(".error-summary")).ToBeFocusedAsync();
        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Błąd: "));
        await CheckAsync("about you with errors");

        // Where a journey of this browser's that has expired sends the family.
        await page.GotoAsync(site.Page("/apply/family-assistant?expired=true").ToString());
        await Assertions.Expect(page.Locator(".notice-title")).ToBeVisibleAsync();
        await CheckAsync("the start page with the expired-answers notice");

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_cookie_banner_s_confirmation_passes_axe_in_normal_and_high_contrast(bool highContrast)
    {
        var failures = new List<string>();
        async Task CheckAsync(IPage page, string what)
        {
            var result = await page.RunAxe(WcagAa);
            Assert.NotEmpty(result.Passes);
            failures.AddRange(result.Violations.Select(v => $"{what}: {v.Id}: {v.Help} at {string.Join(" | ", v.Nodes.Select(n => n.Target?.ToString()))}"));
        }

        // Answered with JavaScript: the confirmation takes the question's place on the page.
        await using (var context = await Browser.NewContextAsync())
        {
            await site.SetPreferencesAsync(context, "pl", highContrast);
            var page = await context.NewPageAsync();
            await page.GotoAsync(site.Page("/").ToString());
            await page.GetByRole(AriaRole.Button, new() { Name = "Akceptuję funkcjonalne pliki cookie" }).ClickAsync();
            await Assertions.Expect(page.Locator("[data-consent-done=accepted]")).ToBeFocusedAsync();
            await CheckAsync(page, "the banner's confirmation, shown by site.js");
        }

        // Answered without it: the page the choice returns to is drawn with the confirmation.
        await using (var context = await Browser.NewContextAsync())
        {
            await site.SetPreferencesAsync(context, "pl", highContrast);
            await context.AddCookiesAsync([
                new Cookie { Name = "parasol-consent", Value = "rejected", Url = site.Url.ToString() },
                new Cookie { Name = "parasol-consent-saved", Value = "1", Url = site.Url.ToString() },
            ]);
            var page = await context.NewPageAsync();
            await page.GotoAsync(site.Page("/contact").ToString());
            await Assertions.Expect(page.Locator("[data-consent-done=rejected]")).ToBeFocusedAsync();
            await CheckAsync(page, "the banner's confirmation, drawn by the server");
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Theory]
    [InlineData(320)]
    [InlineData(1280)]
    public async Task At_200_percent_text_no_page_scrolls_sideways_and_no_controls_overlap(int width)
    {
        await using var context = await Browser.NewContextAsync(width: width);
        await site.SetPreferencesAsync(context, fontScale: 200);
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        foreach (var path in PortalSite.PublicPages)
        {
            await page.GotoAsync(site.Page(path).ToString());
            var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
            if (overflow > 0)
            {
                problems.Add($"{path} at {width}px scrolls sideways by {overflow}px");
            }
            // Header controls and navigation links must not sit on top of one another.
            var overlaps = await page.EvaluateAsync<string[]>("""
                () => {
                    const items = [...document.querySelectorAll('header a, header button, footer a')].map(e => [e, e.getBoundingClientRect()]);
                    const found = [];
                    for (let i = 0; i < items.length; i++)
                        for (let j = i + 1; j < items.length; j++) {
                            const [a, r] = items[i], [b, s] = items[j];
                            if (r.width && s.width && r.left < s.right - 1 && s.left < r.right - 1 && r.top < s.bottom - 1 && s.top < r.bottom - 1)
                                found.push(a.textContent.trim() + ' / ' + b.textContent.trim());
                        }
                    return found;
                }
                """);
            problems.AddRange(overlaps.Select(o => $"{path} at {width}px: {o} overlap"));
        }
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }
}
