using Parasol.Testing;

namespace Parasol.BackOffice.Tests.Pages;

/// <summary>The queue shows families' and staff's names with their Polish letters as themselves, not as character references.</summary>
public sealed class PageTextEncodingTests(BackOfficeFactory backOffice) : IClassFixture<BackOfficeFactory>
{
    [Fact]
    public async Task The_queue_carries_polish_letters_as_themselves()
    {
        using var client = await StaffSession.SignInAsync(backOffice.App, "kancelaria@ops.example");
        var raw = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("Wpłynęła", raw, StringComparison.Ordinal);
        Assert.Empty(Html.LettersWrittenAsReferences(raw));
    }
}
