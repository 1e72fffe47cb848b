using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Parasol.Testing;

/// <summary>Parses responses with AngleSharp, as a browser would, so tests assert on what a person sees.</summary>
public static partial class Html
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

    /// <summary>The letters a page's raw HTML writes as character references (e.g. "&amp;#x142;" for "ł") instead of as themselves.</summary>
    public static List<char> LettersWrittenAsReferences(string rawHtml) =>
        CharacterReference().Matches(rawHtml)
            .Select(m => (char)int.Parse(m.Groups["code"].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture))
            .Where(char.IsLetter)
            .ToList();

    [GeneratedRegex("&#x(?<code>[0-9A-F]{1,4});")]
    private static partial Regex CharacterReference();
}
