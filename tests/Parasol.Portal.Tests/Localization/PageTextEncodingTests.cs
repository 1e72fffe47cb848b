using System.Text.Encodings.Web;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Parasol.Testing;

namespace Parasol.Portal.Tests.Localization;

/// <summary>
/// Pages carry Polish and Ukrainian letters as themselves, not as character references ("&amp;#x142;" for "ł"), which
/// doubled the size of a Ukrainian page; markup and invisible or direction-changing characters are still encoded.
/// </summary>
public sealed class PageTextEncodingTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("pl", "ł")]
    [InlineData("en", "Ośrodek")]
    [InlineData("uk", "Перевірте")]
    public async Task Pages_carry_their_letters_as_themselves(string culture, string expected)
    {
        using var client = portal.App.CreateClient();
        var raw = await client.GetStringAsync(new Uri($"/status?culture={culture}", UriKind.Relative));

        var title = new HtmlParser().ParseDocument(raw).Title!;
        Assert.Contains(expected, title, StringComparison.Ordinal);
        Assert.Contains($"<title>{title}</title>", raw, StringComparison.Ordinal);
        Assert.Empty(Html.LettersWrittenAsReferences(raw));
    }

    [Theory]
    [InlineData("<script>alert('x')</script>", "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;")]
    [InlineData("\"><img src=x onerror=alert(1)>", "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;")]
    [InlineData("Anna \u202Efdp.exe\u202C", "Anna &#x202E;fdp.exe&#x202C;")]
    [InlineData("Zosia \u0007\u200F\u200B\u2067", "Zosia &#x7;&#x200F;&#x200B;&#x2067;")]
    [InlineData("Łucja 🎉", "Łucja &#x1F389;")]
    public void Markup_controls_and_direction_marks_are_still_encoded(string typed, string written)
    {
        var encoder = portal.App.Services.GetRequiredService<HtmlEncoder>();

        Assert.Equal(written, encoder.Encode(typed));
    }
}
