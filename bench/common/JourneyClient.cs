using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Parasol.Testing;

namespace Parasol.Bench;

/// <summary>
/// One applicant's browser: its own cookies (kept by hand, so the Portal's Secure cookies of the Production
/// environment work over loopback HTTP), redirects followed, forms posted with the page's antiforgery token, pages
/// asked for compressed.
/// Many clients share one connection pool. A page is parsed (AngleSharp) only when something more than its form token
/// is read from it: parsing every page took ~4 ms of CPU per journey, on the cores the Portal is measured on.
/// </summary>
public sealed class JourneyClient(HttpClient http)
{
    private static readonly HtmlParser Parser = new();

    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public Uri Location { get; private set; } = http.BaseAddress!;

    private string _body = "";
    private IHtmlDocument? _page;

    public IHtmlDocument Page => _page ??= Parser.ParseDocument(_body);

    /// <summary>A pool that neither keeps cookies nor follows redirects: every journey does both itself.</summary>
    public static HttpClient CreateSharedHttp(Uri portal) =>
        new(Handler())
        {
            BaseAddress = portal,
            Timeout = TimeSpan.FromMinutes(2),
        };

    private static SocketsHttpHandler Handler()
    {
        var handler = AppProcess.CreateHandler();
        handler.UseCookies = false;
        handler.AllowAutoRedirect = false;
        handler.MaxConnectionsPerServer = 1024;
        // As a browser asks: the Portal compresses each page it renders (Brotli or gzip, fastest level).
        handler.AutomaticDecompression = DecompressionMethods.Brotli | DecompressionMethods.GZip;
        return handler;
    }

    public Task GetAsync(string path) => SendAsync(HttpMethod.Get, new Uri(Location, path), null);

    public Task PostAsync(IEnumerable<KeyValuePair<string, string>> fields, string? action = null) =>
        SendAsync(HttpMethod.Post, action is null ? Location : new Uri(Location, action),
            new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", AntiforgeryToken())]));

    public Task UploadAsync(string fileName, byte[] bytes, string action)
    {
        var content = new MultipartFormDataContent
        {
            { new StringContent(AntiforgeryToken()), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(file, "file", fileName);
        return SendAsync(HttpMethod.Post, new Uri(Location, action), content);
    }

    public string Text(string selector) => Page.Text(selector);

    /// <summary>The form token as ASP.NET Core writes it (name, type, value), else as the parsed page has it.</summary>
    private string AntiforgeryToken()
    {
        const string Input = "<input name=\"__RequestVerificationToken\" type=\"hidden\" value=\"";
        var start = _body.IndexOf(Input, StringComparison.Ordinal);
        if (start >= 0)
        {
            start += Input.Length;
            var end = _body.IndexOf('"', start);
            if (end > start)
            {
                return _body[start..end];
            }
        }
        return Html.AntiforgeryToken(Page);
    }

    private async Task SendAsync(HttpMethod method, Uri target, HttpContent? content)
    {
        for (var redirects = 0; redirects < 10; redirects++)
        {
            using var request = new HttpRequestMessage(method, target) { Content = content };
            if (_cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            }
            using var response = await http.SendAsync(request);
            KeepCookies(response);
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.Found or HttpStatusCode.MovedPermanently)
            {
                target = new Uri(target, response.Headers.Location!);
                method = HttpMethod.Get;
                content = null;
                continue;
            }
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"{(int)response.StatusCode} from {target.AbsolutePath}", null, response.StatusCode);
            }
            Location = target;
            _body = body;
            _page = null;
            return;
        }
        throw new InvalidOperationException("Too many redirects.");
    }

    private void KeepCookies(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var headers))
        {
            return;
        }
        foreach (var header in headers)
        {
            var pair = header.Split(';', 2)[0];
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = pair[..equals].Trim();
            var value = pair[(equals + 1)..].Trim();
            var expired = header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase);
            if (value.Length == 0 || expired)
            {
                _cookies.Remove(name);
            }
            else
            {
                _cookies[name] = value;
            }
        }
    }
}

/// <summary>
/// What one family's finished application gave back, with the time of each step of the journey (each a request and the
/// redirect it was answered with, as a browser sees it), in the order they were taken.
/// </summary>
public sealed record Submission(string CaseNumber, DateTimeOffset SubmittedAt, double SubmitMilliseconds, double JourneyMilliseconds,
    IReadOnlyList<(string Step, double Milliseconds)> Steps);

/// <summary>A family asking for a family assistant, every step as a browser sends it (answers as in the Portal's tests).</summary>
public static class FamilyAssistantJourney
{
    /// <summary>A file that passes the Portal's checks for a PDF, of about the size asked for.</summary>
    public static byte[] Pdf(int bytes)
    {
        var content = new byte[bytes];
        "%PDF-1.7\n"u8.CopyTo(content);
        content.AsSpan(9, bytes - 16).Fill((byte)' ');
        "\n%%EOF\n"u8.CopyTo(content.AsSpan(bytes - 7));
        return content;
    }

    /// <param name="postalCode">Where the family lives, which decides the district and social worker (Lipowiec's centre unless said).</param>
    public static async Task<Submission> CompleteAsync(HttpClient http, byte[]? pdf = null, string postalCode = "44230")
    {
        var journey = Stopwatch.StartNew();
        var steps = new List<(string Step, double Milliseconds)>();
        async Task Timed(string step, Func<Task> send)
        {
            var watch = Stopwatch.StartNew();
            await send();
            steps.Add((step, watch.Elapsed.TotalMilliseconds));
        }
        var form = new JourneyClient(http);
        await Timed("start page", () => form.GetAsync("/apply/family-assistant"));
        await Timed("start", () => form.PostAsync([]));
        await Timed("about you", () => form.PostAsync(new Dictionary<string, string>
        {
            ["Answers.Role"] = "Parent",
            ["Answers.FirstName"] = "Anna",
            ["Answers.LastName"] = "Wójcik",
            ["Answers.Pesel"] = "90032712341",
        }));
        await Timed("contact", () => form.PostAsync(new Dictionary<string, string>
        {
            ["Answers.Street"] = "3 Maja",
            ["Answers.HouseNumber"] = "36",
            ["Answers.FlatNumber"] = "4",
            ["Answers.PostalCode"] = postalCode,
            ["Answers.City"] = "Lipowiec",
            ["Answers.Phone"] = "601 234 567",
            ["Answers.Email"] = "anna.wojcik@example.com",
            ["Answers.PreferredContact"] = "Email",
            ["Answers.Language"] = "pl",
        }));
        await Timed("household", () => form.PostAsync(new Dictionary<string, string>
        {
            ["Answers.Children[0].FirstName"] = "Zosia",
            ["Answers.Children[0].DateOfBirth.Day"] = "14",
            ["Answers.Children[0].DateOfBirth.Month"] = "9",
            ["Answers.Children[0].DateOfBirth.Year"] = "2018",
            ["Answers.OtherMembers"] = "",
        }));
        await Timed("situation", () => form.PostAsync(
        [
            new("Answers.Difficulties", "Trudno nam ogarnąć dom i szkołę."),
            new("Answers.HelpWanted", "Upbringing"),
            new("Answers.HelpWanted", "School"),
            new("Answers.HelpOther", ""),
            new("Answers.EarlierHelp", "No"),
            new("Answers.EarlierHelpDetails", ""),
        ]));
        if (!form.Location.AbsolutePath.EndsWith("/documents", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The journey stopped at {form.Location.AbsolutePath}: an answer was refused.");
        }
        if (pdf is not null)
        {
            await Timed("upload", () => form.UploadAsync("opinia ze szkoły.pdf", pdf, "?handler=Upload"));
            if (form.Page.QuerySelector(".file-list")?.TextContent.Contains("opinia ze szkoły.pdf", StringComparison.Ordinal) != true)
            {
                throw new InvalidOperationException("The upload was refused.");
            }
        }
        await Timed("documents done", () => form.PostAsync([], "?handler=Continue"));

        var submittedAt = DateTimeOffset.UtcNow;
        var submit = Stopwatch.StartNew();
        await form.PostAsync([new("Consent", "true")]);
        submit.Stop();
        steps.Add(("submit", submit.Elapsed.TotalMilliseconds));
        if (!form.Location.AbsolutePath.StartsWith("/apply/receipt/", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The submit ended at {form.Location.AbsolutePath}, not at a receipt.");
        }
        return new Submission(form.Text(".case-number"), submittedAt, submit.Elapsed.TotalMilliseconds, journey.Elapsed.TotalMilliseconds, steps);
    }
}
