using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Parasol.BackOffice.Localization;

namespace Parasol.BackOffice.Tests.Localization;

/// <summary>Every relationship code the Portal's journeys store reads as words on the case page, in every language.</summary>
public sealed class RelationshipTextTests(BackOfficeFactory backOffice) : IClassFixture<BackOfficeFactory>
{
    [Theory]
    [InlineData("Pregnant", "pl", "Kobieta w ciąży")]
    [InlineData("AfterLoss", "pl", "Kobieta po utracie ciąży lub śmierci dziecka")]
    [InlineData("AfterLoss", "uk", "Жінка після втрати вагітності або смерті дитини")]
    [InlineData("AfterLoss", "en", "Woman after a pregnancy loss or the death of her child")]
    [InlineData("Parent", "pl", "Rodzic")]
    [InlineData("Guardian", "pl", "Opiekun prawny")]
    [InlineData("Child", "pl", "Dziecko")]
    public void A_relationship_code_reads_as_words(string code, string culture, string expected)
    {
        var localizer = backOffice.App.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var key = EnumText.OfRelationship(code);
            Assert.NotNull(key);
            var text = localizer[key];
            Assert.False(text.ResourceNotFound, $"{code} has no {culture} text");
            Assert.Equal(expected, text.Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
