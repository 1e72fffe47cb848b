using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Parasol.BackOffice.Localization;
using Parasol.Core.Attachments;

namespace Parasol.BackOffice.Tests.Localization;

/// <summary>Every kind of document a case can hold reads as its name on the case page, in every language staff use.</summary>
public sealed class AttachmentKindTextTests(BackOfficeFactory backOffice) : IClassFixture<BackOfficeFactory>
{
    [Fact]
    public void Every_kind_has_its_own_text_in_polish_english_and_ukrainian()
    {
        var localizer = backOffice.App.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            foreach (var culture in new[] { "pl", "en", "uk" })
            {
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
                var texts = Enum.GetValues<AttachmentKind>().Select(kind => localizer[EnumText.Of(kind)]).ToList();
                Assert.All(texts, t => Assert.False(t.ResourceNotFound, $"{t.Name} has no {culture} text"));
                Assert.Equal(texts.Count, texts.Select(t => t.Value).Distinct().Count());
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
