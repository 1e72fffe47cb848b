using System.Text;

namespace Parasol.Testing;

/// <summary>
/// A client that sends the headers a test writes and nothing else: no cookie jar of its own, and each character of a
/// header value sent as one byte (Latin-1), so that a test can send what a browser sends that is not UTF-8.
/// </summary>
public static class RawHeadersClient
{
    public static HttpClient For(Uri baseAddress) =>
        new(new SocketsHttpHandler { UseCookies = false, RequestHeaderEncodingSelector = (_, _) => Encoding.Latin1 }) { BaseAddress = baseAddress };

    /// <summary>The encoding older Polish websites wrote (a cookie with "Łódź" in it is not UTF-8 then).</summary>
    public static Encoding Iso88592 { get; } = CodePagesEncodingProvider.Instance.GetEncoding(28592)!;

    /// <summary>The bytes of <paramref name="text"/> in <paramref name="encoding"/>, as characters this client sends one for one.</summary>
    public static string Bytes(string text, Encoding encoding) => Encoding.Latin1.GetString(encoding.GetBytes(text));

    /// <summary>A GET sending exactly <paramref name="cookie"/> as its Cookie header.</summary>
    public static async Task<HttpResponseMessage> GetWithCookieAsync(this HttpClient client, string path, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Cookie", cookie);
        return await client.SendAsync(request);
    }

    /// <summary>Cookies the municipality's other websites might have left: <paramref name="kilobytes"/> of 1 KB each.</summary>
    public static string OtherSitesCookies(int kilobytes) =>
        string.Join("; ", Enumerable.Range(0, kilobytes).Select(i => $"other_site_{i}={new string('x', 1000)}"));
}
