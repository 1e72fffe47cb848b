using System.Globalization;
using System.Text.RegularExpressions;

namespace Parasol.BackOffice.Tests.Pages;

/// <summary>The queue shows families' and staff's names with their Polish letters as themselves, not as character references.</summary>
public sealed partial class PageTextEncodingTests(BackOfficeFactory backOffice) : IClassFixture<BackOfficeFactory>
{
    [Fact]
    public async Task The_queue_carries_polish_letters_as_themselves()
    {
        using var client = await StaffSession.SignInAsync(backOffice.App, "kancelaria@ops.example");
        var raw = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("Wpłynęła", raw, StringComparison.Ordinal);
        var letterReferences = CharacterReference().Matches(raw)
            .Select(m => (char)int.Parse(m.Groups["code"].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture))
            .Where(char.IsLetter)
            .ToList();
        Assert.Empty(letterReferences);
    }

    [GeneratedRegex("&#x(?<code>[0-9A-F]{1,4});")]
    private static partial Regex CharacterReference();
}
