using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Parasol.Core.Web;

/// <summary>
/// Pages write Polish and Ukrainian letters as themselves. ASP.NET Core's default HTML encoder lets only Basic Latin
/// through, so every "ł" became "&amp;#x142;" and a Ukrainian page doubled in size. Markup characters, controls, invisible
/// format characters (e.g. right-to-left overrides) and anything outside the Basic Multilingual Plane are still encoded.
/// URLs and JavaScript keep their default (ASCII-only) encoders.
/// </summary>
public static class HtmlEncoding
{
    public static IServiceCollection AddParasolHtmlEncoding(this IServiceCollection services)
    {
        var letters = new TextEncoderSettings(UnicodeRanges.All);
        // Format characters (Unicode's Cf: direction overrides and isolates, zero-width marks; the same rule as
        // FileNames) stay as references, so that they can be seen in the page's source; browsers show them the same.
        letters.ForbidCharacters([.. Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c)
            .Where(c => char.GetUnicodeCategory(c) == UnicodeCategory.Format)]);
        services.Replace(ServiceDescriptor.Singleton(HtmlEncoder.Create(letters)));
        return services;
    }
}
