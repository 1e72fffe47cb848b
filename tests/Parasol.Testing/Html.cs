using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Parasol.Testing;

/// <summary>Parses responses with AngleSharp, as a browser would, so tests assert on what a person sees.</summary>
public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>The hidden antiforgery token of the first form on a page.</summary>
    public static string AntiforgeryToken(IHtmlDocument document) =>
        document.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")?.Value
        ?? throw new InvalidOperationException("The page has no antiforgery token.");

    public static string Text(this IHtmlDocument document, string selector) =>
        document.QuerySelector(selector)?.TextContent.Trim() ?? throw new InvalidOperationException($"Nothing matches {selector}.");
}
