using Microsoft.Playwright;
using Parasol.Testing;
using Xunit.Abstractions;

namespace Parasol.EndToEnd.Tests.Portal;

[Collection(PortalSiteCollection.Name)]
public sealed class WeightAndOriginTests(PortalSite site, ITestOutputHelper output)
{
    private const int Budget = 100 * 1024;

    [Fact]
    public async Task Every_public_page_weighs_under_100_KB_over_the_wire_and_every_request_stays_on_our_origin()
    {
        var foreign = new List<string>();
        var overBudget = new List<string>();
        output.WriteLine($"{"page",-22}{"lang",-6}{"requests",9}{"bytes on the wire",19}{"html encoding",15}");
        foreach (var language in PortalSite.Languages)
        {
            foreach (var path in PortalSite.PublicPages)
            {
                // A fresh context per page: an empty cache, so the stylesheets and script are counted every time.
                await using var context = await Browser.NewContextAsync();
                await site.SetPreferencesAsync(context, language);
                var requests = new List<IRequest>();
                context.Request += (_, request) => requests.Add(request);
                var page = await context.NewPageAsync();

                var response = await page.GotoAsync(site.Page(path).ToString(), new() { WaitUntil = WaitUntilState.NetworkIdle });
                var encoding = await response!.HeaderValueAsync("content-encoding") ?? "none";

                long bytes = 0;
                foreach (var request in requests)
                {
                    var sizes = await request.SizesAsync();
                    bytes += sizes.ResponseBodySize + sizes.ResponseHeadersSize;
                }
                output.WriteLine($"{path,-22}{language,-6}{requests.Count,9}{bytes,19:N0}{encoding,15}");
                Assert.Contains(encoding, new[] { "br", "gzip" });
                if (bytes >= Budget)
                {
                    overBudget.Add($"{path} [{language}] {bytes:N0} bytes");
                }
                foreign.AddRange(requests.Where(r => !SameOrigin(r.Url)).Select(r => $"{path}: {r.Url}"));
            }
        }
        Assert.True(overBudget.Count == 0, string.Join('\n', overBudget));
        Assert.True(foreign.Count == 0, string.Join('\n', foreign));
    }

    [Fact]
    public async Task Using_the_scripted_controls_makes_no_request_outside_our_origin()
    {
        await using var context = await Browser.NewContextAsync();
        var urls = new List<string>();
        context.Request += (_, request) => urls.Add(request.Url);
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url.ToString());

        await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "150%" }).ClickAsync(), "**/preferences/font");
        await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Wysoki kontrast" }).ClickAsync(), "**/preferences/contrast");
        await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Odrzucam funkcjonalne pliki cookie" }).ClickAsync(), "**/preferences/consent");
        foreach (var path in PortalSite.PublicPages)
        {
            await page.GotoAsync(site.Page(path).ToString(), new() { WaitUntil = WaitUntilState.NetworkIdle });
        }

        Assert.True(urls.Count > PortalSite.PublicPages.Length);
        Assert.All(urls, url => Assert.True(SameOrigin(url), $"{url} leaves the site"));
    }

    private bool SameOrigin(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && Uri.Compare(uri, site.Url, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
}
