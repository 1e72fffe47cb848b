using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Parasol.Testing;

namespace Parasol.Portal.Tests.Pages.Apply;

/// <summary>Fills and sends the Portal's forms as a browser would: the antiforgery token, cookies, redirects followed.</summary>
public sealed class FormClient(HttpClient client)
{
    public HttpClient Http => client;

    public Uri? Location { get; private set; }

    public HttpResponseMessage? Last { get; private set; }

    public IHtmlDocument Page { get; private set; } = null!;

    public async Task<IHtmlDocument> GetAsync(string path)
    {
        Last = await client.GetAsync(new Uri(path, UriKind.Relative));
        return await ReadAsync();
    }

    /// <summary>Posts to <paramref name="action"/> (or the current page) with the current page's antiforgery token.</summary>
    public async Task<IHtmlDocument> PostAsync(IEnumerable<KeyValuePair<string, string>> fields, string? action = null)
    {
        var form = new List<KeyValuePair<string, string>>(fields) { new("__RequestVerificationToken", Html.AntiforgeryToken(Page)) };
        Last = await client.PostAsync(Target(action), new FormUrlEncodedContent(form));
        return await ReadAsync();
    }

    /// <summary>Uploads a file as the documents pages' forms send it: the token and the other fields first, then the file.</summary>
    public async Task<IHtmlDocument> UploadAsync(string fileName, byte[] bytes, string action, IEnumerable<KeyValuePair<string, string>>? fields = null)
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent(Html.AntiforgeryToken(Page)), "__RequestVerificationToken" },
        };
        foreach (var (name, value) in fields ?? [])
        {
            content.Add(new StringContent(value), name);
        }
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(file, "file", fileName);
        Last = await client.PostAsync(Target(action), content);
        return await ReadAsync();
    }

    /// <summary>Where the current page's button with this text sends its form: its formaction, else its form's action.</summary>
    public string ActionOf(string button)
    {
        var found = Page.QuerySelectorAll("button").Single(b => b.TextContent.Trim() == button);
        return found.GetAttribute("formaction") ?? found.Closest("form")!.GetAttribute("action")!;
    }

    /// <summary>The error summary's links, as "#field-id → message".</summary>
    public IReadOnlyList<(string Target, string Message)> Errors() =>
        Page.QuerySelectorAll(".error-summary a").Select(a => (a.GetAttribute("href")!, a.TextContent.Trim())).ToList();

    public string? Value(string id) => (Page.GetElementById(id) as IHtmlInputElement)?.Value
        ?? (Page.GetElementById(id) as IHtmlTextAreaElement)?.Value;

    private Uri Target(string? action) => action is null ? Location! : new Uri(Location!, action);

    private async Task<IHtmlDocument> ReadAsync()
    {
        Location = Last!.RequestMessage!.RequestUri;
        Page = await Html.ParseAsync(Last);
        return Page;
    }
}
