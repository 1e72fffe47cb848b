using System.Net;
using Parasol.Portal.Tests.Pages.Apply;
using Parasol.Testing;

namespace Parasol.Portal.Tests;

/// <summary>
/// Behind a load balancer every request comes from the balancer's address: the per-address limit on status look-ups
/// must count the client named in X-Forwarded-For, but only when the balancer is one the settings trust.
/// </summary>
public sealed class ForwardedHeadersTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("ForwardedHeaders:KnownProxies", "127.0.0.1")]
    [InlineData("ForwardedHeaders:KnownNetworks", "10.0.0.0/8, 127.0.0.0/8")]
    public async Task Behind_a_trusted_proxy_each_client_has_its_own_limit(string setting, string value)
    {
        await using var app = StartPortal(setting, value, out var url);
        var first = Client(url, "203.0.113.5");
        var second = Client(url, "203.0.113.6");

        Assert.Equal(HttpStatusCode.TooManyRequests, await ExhaustAsync(first));

        Assert.Equal(HttpStatusCode.OK, await LookUpAsync(second));
    }

    [Fact]
    public async Task A_forwarded_address_from_a_proxy_that_is_not_trusted_is_ignored()
    {
        // The balancer is somewhere else; a client on loopback sending its own header is not it.
        await using var app = StartPortal("ForwardedHeaders:KnownProxies", "10.1.2.3", out var url);
        var first = Client(url, "203.0.113.5");
        var second = Client(url, "203.0.113.6");

        Assert.Equal(HttpStatusCode.TooManyRequests, await ExhaustAsync(first));

        Assert.Equal(HttpStatusCode.TooManyRequests, await LookUpAsync(second));
    }

    private ParasolAppFactory<SharedResource> StartPortal(string setting, string value, out Uri url)
    {
        var app = new ParasolAppFactory<SharedResource>(portal.App.Database);
        app.Settings["Status:AttemptsPerWindow"] = "2";
        app.Settings[setting] = value;
        url = app.StartOnRealPort();
        return app;
    }

    private static FormClient Client(Uri url, string forwardedFor)
    {
        var http = new HttpClient { BaseAddress = url };
        http.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        return new FormClient(http);
    }

    private static async Task<HttpStatusCode> ExhaustAsync(FormClient client)
    {
        var status = HttpStatusCode.OK;
        for (var i = 0; i < 3; i++)
        {
            status = await LookUpAsync(client);
        }
        return status;
    }

    private static async Task<HttpStatusCode> LookUpAsync(FormClient client)
    {
        await client.GetAsync("/status");
        await client.PostAsync([new("CaseNumber", "OPS.4010.9999.2026"), new("AccessCode", "AAAA-BBBB-CCCC")]);
        return client.Last!.StatusCode;
    }
}
