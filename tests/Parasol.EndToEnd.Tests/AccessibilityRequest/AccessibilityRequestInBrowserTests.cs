using Microsoft.Playwright;
using Parasol.EndToEnd.Tests.Apply;
using Parasol.Testing;

namespace Parasol.EndToEnd.Tests.AccessibilityRequest;

/// <summary>An accessibility request sent from the accessibility statement in English, with axe on the form, its error state and the receipt.</summary>
public sealed class AccessibilityRequestInBrowserTests(BothApps apps) : IClassFixture<BothApps>
{
    [Fact]
    public async Task A_visitor_asks_for_a_document_in_another_form_and_gets_a_receipt()
    {
        await using var context = await Browser.NewContextAsync();
        await context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = "c=en|uic=en", Url = apps.PortalUrl.ToString() }]);
        var page = await context.NewPageAsync();
        var violations = new List<string>();

        await page.GotoAsync(new Uri(apps.PortalUrl, "/accessibility").ToString());
        await page.Locator("main a[href='/accessibility-request']").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the request" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        violations.AddRange(await Axe.ViolationsAsync(page));

        await page.GetByLabel("First name", new() { Exact = true }).FillAsync("George");
        await page.GetByLabel("Last name", new() { Exact = true }).FillAsync("Novak");
        await page.GetByLabel("By e-mail", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("E-mail address", new() { Exact = true }).FillAsync("george@example.com");
        await page.GetByLabel("Which page, document or part of the site is it about?").FillAsync("The benefit application form");
        await page.GetByLabel("What is not accessible to you?").FillAsync("My screen reader cannot read the form fields.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the request" }).ClickAsync();

        await Assertions.Expect(page.Locator(".panel-title")).ToHaveTextAsync("Application received");
        await Assertions.Expect(page.Locator(".receipt-facts")).ToContainTextAsync("Request for accessibility");
        violations.AddRange(await Axe.ViolationsAsync(page));
        Assert.Empty(violations);
    }
}
