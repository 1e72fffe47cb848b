using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Parasol.Core.Web;

/// <summary>
/// Pages write Polish and Ukrainian letters as themselves. ASP.NET Core's default HTML encoder lets only Basic Latin
/// through, so every "ł" became "&amp;#x142;" and a Ukrainian page doubled in size. Markup characters, controls, invisible
/// marks (e.g. right-to-left overrides) and anything outside the Basic Multilingual Plane are still encoded.
/// URLs and JavaScript keep their default (ASCII-only) encoders.
/// </summary>
public static class HtmlEncoding
{
    public static IServiceCollection AddParasolHtmlEncoding(this IServiceCollection services)
    {
        var letters = new TextEncoderSettings(UnicodeRanges.All);
        // Invisible marks that turn or hide text (right-to-left overrides, isolates, zero-width characters) stay as
        // references, so that they can be seen in the page's source; browsers show them the same either way.
        letters.ForbidCharacters(InvisibleMarks);
        services.Replace(ServiceDescriptor.Singleton(HtmlEncoder.Create(letters)));
        return services;
    }

    private static readonly char[] InvisibleMarks =
    [
        '\u061C', '\u180E', '\u200B', '\u200C', '\u200D', '\u200E', '\u200F',
        '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2060', '\u2066', '\u2067', '\u2068', '\u2069', '\uFEFF',
    ];
}
