using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Parasol.Core.Seeding;

namespace Parasol.EndToEnd.Tests.BackOffice;

internal static class StaffInBrowser
{
    /// <summary>Signs in through the pages a person uses: e-mail and password, then the authenticator code.</summary>
    public static async Task SignInAsync(IPage page, BackOfficeInBrowser backOffice, string email)
    {
        await page.GotoAsync(new Uri(backOffice.Url, "/Account/SignIn").ToString());
        await page.GetByLabel("Adres e-mail").FillAsync(email);
        await page.GetByLabel("Hasło").FillAsync(DemoStaff.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Zaloguj się" }).ClickAsync();
        await page.GetByLabel("Kod z aplikacji uwierzytelniającej").FillAsync(backOffice.CodeFor(email));
        await page.GetByRole(AriaRole.Button, new() { Name = "Dalej" }).ClickAsync();
    }

    public static async Task SignOutAsync(IPage page) =>
        await page.GetByRole(AriaRole.Button, new() { Name = "Wyloguj się" }).ClickAsync();

    /// <summary>axe-core with the WCAG 2.0 and 2.1 A and AA rules; returns the violations as readable lines.</summary>
    public static async Task<List<string>> AccessibilityViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        Assert.NotEmpty(result.Passes); // axe really ran on the page
        return result.Violations.Select(v => $"{new Uri(page.Url).AbsolutePath}: {v.Id} – {v.Help} ({string.Join("; ", v.Nodes.Select(n => n.Html))})").ToList();
    }
}
