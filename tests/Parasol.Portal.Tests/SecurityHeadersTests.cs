using Parasol.Core.Web;

namespace Parasol.Portal.Tests;

public sealed class SecurityHeadersTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/css/site.css")]
    [InlineData("/health")]
    [InlineData("/no-such-page")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var client = portal.App.CreateClient();
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, csp);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Contains("camera=()", Assert.Single(response.Headers.GetValues("Permissions-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_https_the_browser_is_told_to_use_https_only_for_a_year()
    {
        using var client = portal.App.CreateClient(new() { BaseAddress = new Uri("https://wnioski.ops.example") });
        var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal("max-age=31536000", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task Pages_have_no_inline_scripts_or_styles_that_the_policy_would_block()
    {
        using var client = portal.App.CreateClient();
        var page = await Parasol.Testing.Html.ParseAsync(await client.GetAsync(new Uri("/", UriKind.Relative)));

        Assert.All(page.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), "inline <script>"));
        Assert.Empty(page.QuerySelectorAll("style"));
        Assert.Empty(page.QuerySelectorAll("[style]"));
        Assert.Empty(page.QuerySelectorAll("[onclick], [onload], [onchange], [onsubmit]"));
    }
}
