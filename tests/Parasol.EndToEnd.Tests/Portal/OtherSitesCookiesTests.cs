using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Playwright;
using Parasol.EndToEnd.Tests.Apply;
using Parasol.Testing;

namespace Parasol.EndToEnd.Tests.Portal;

/// <summary>
/// The Portal lives on the municipality's domain, next to its other websites, and the browser sends it their cookies
/// too. Here "another website" on the same host (cookies do not tell ports apart, as a parent domain's do not tell
/// its sites apart) sets cookies in real Chromium, and the family then opens the Portal.
/// </summary>
[Collection(PortalSiteCollection.Name)]
public sealed class OtherSitesCookiesTests(PortalSite site)
{
    [Fact]
    public async Task A_cookie_with_polish_letters_in_iso_8859_2_from_an_older_municipal_site_does_not_stop_a_family_applying()
    {
        // "Łódź" as an ISO-8859-2 site writes it (not UTF-8; Kestrel used to refuse every request carrying it).
        byte[] cookie = [.. "miasto="u8, .. RawHeadersClient.Iso88592.GetBytes("Łódź"), .. "; Max-Age=3600; Path=/"u8];
        await using var otherSite = OtherSite.Start([cookie]);
        await using var context = await Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(otherSite.Url.ToString());
        Assert.Contains(await context.CookiesAsync([site.Url.ToString()]), c => c.Name == "miasto");

        var response = await page.GotoAsync(site.Page("/apply/family-assistant").ToString());

        Assert.Equal(200, response!.Status);
        await page.GetByRole(AriaRole.Button, new() { Name = "Rozpocznij" }).ClickAsync();
        await Assertions.Expect(page.Locator(".step-progress")).ToHaveTextAsync("Krok 1 z 5");
    }

    [Fact]
    public async Task A_browser_carrying_too_many_cookies_of_other_sites_gets_an_accessible_page_saying_what_to_do()
    {
        // 40 cookies of 1,000 characters: more than the 32 KB of headers a page is answered for.
        var cookies = Enumerable.Range(0, 40).Select(i => Encoding.ASCII.GetBytes($"other_site_{i}={new string('x', 1000)}; Max-Age=3600; Path=/")).ToList();
        await using var otherSite = OtherSite.Start(cookies);
        await using var context = await Browser.NewContextAsync();
        await site.SetPreferencesAsync(context, "en");
        var page = await context.NewPageAsync();
        await page.GotoAsync(otherSite.Url.ToString());

        var response = await page.GotoAsync(site.Page("/status").ToString());

        Assert.Equal(431, response!.Status);
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your browser sent too much data");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Delete them in the browser's settings");
        Assert.True(await page.Locator("main a[href='/']").CountAsync() >= 1);
        Assert.Empty(await Axe.ViolationsAsync(page));
    }

    /// <summary>
    /// A website of the same host that answers every request with a small page and the given Set-Cookie lines, written
    /// byte for byte (a server of ours would encode them).
    /// </summary>
    private sealed class OtherSite : IAsyncDisposable
    {
        private readonly TcpListener _listener;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _serving;

        private OtherSite(IReadOnlyList<byte[]> setCookies)
        {
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start();
            Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
            _serving = ServeAsync(setCookies);
        }

        public Uri Url { get; }

        public static OtherSite Start(IReadOnlyList<byte[]> setCookies) => new(setCookies);

        private async Task ServeAsync(IReadOnlyList<byte[]> setCookies)
        {
            // Each connection on its own: a browser may open one it sends nothing on (a preconnect).
            var connections = new List<Task>();
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    connections.Add(AnswerAsync(await _listener.AcceptTcpClientAsync(_stop.Token), setCookies, _stop.Token));
                }
            }
            finally
            {
                await Task.WhenAll(connections.Select(c => c.ContinueWith(_ => { }, TaskScheduler.Default)));
            }
        }

        private static async Task AnswerAsync(TcpClient client, IReadOnlyList<byte[]> setCookies, CancellationToken cancellation)
        {
            using (client)
            {
                var stream = client.GetStream();
                if (!await ReadHeadAsync(stream, cancellation))
                {
                    return;
                }
                var body = "<!DOCTYPE html><html lang=\"pl\"><title>Gmina</title><p>Gmina</p></html>"u8.ToArray();
                using var response = new MemoryStream();
                response.Write("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nConnection: close\r\n"u8);
                foreach (var cookie in setCookies)
                {
                    response.Write("Set-Cookie: "u8);
                    response.Write(cookie);
                    response.Write("\r\n"u8);
                }
                response.Write(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"));
                response.Write(body);
                await stream.WriteAsync(response.ToArray(), cancellation);
            }
        }

        /// <summary>Reads a request's head; false when the browser closed the connection without sending one.</summary>
        private static async Task<bool> ReadHeadAsync(NetworkStream stream, CancellationToken cancellation)
        {
            var seen = new List<byte>();
            var buffer = new byte[4096];
            while (seen.Count < 4 || !seen.TakeLast(4).SequenceEqual("\r\n\r\n"u8.ToArray()))
            {
                var read = await stream.ReadAsync(buffer, cancellation);
                if (read == 0)
                {
                    return false;
                }
                seen.AddRange(buffer.Take(read));
            }
            return true;
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            try
            {
                await _serving;
            }
            catch (OperationCanceledException)
            {
            }
            catch (SocketException)
            {
            }
            _stop.Dispose();
        }
    }
}
