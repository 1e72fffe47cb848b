using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Parasol.EndToEnd.Tests.Apply;

internal static class Axe
{
    /// <summary>axe-core with the WCAG 2.0 and 2.1 A and AA rules; the violations as readable lines.</summary>
    public static async Task<List<string>> ViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        Assert.NotEmpty(result.Passes); // axe really ran on the page
        return result.Violations.Select(v => $"{new Uri(page.Url).AbsolutePath}: {v.Id} – {v.Help} ({string.Join("; ", v.Nodes.Select(n => n.Html))})").ToList();
    }
}
