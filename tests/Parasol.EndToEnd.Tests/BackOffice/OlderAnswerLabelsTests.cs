using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Parasol.BackOffice.Pages.Cases;
using Parasol.Core.Benefits;
using Parasol.Core.Journeys;
using Parasol.Core.Localization;
using Parasol.Portal.Pages.AccessibilityRequest;
using Parasol.Portal.Pages.Apply.FamilyAssistant;
using Parasol.Portal.Pages.Apply.ZaZyciemBenefit;
using Parasol.Portal.Pages.Apply.ZaZyciemSupport;
using Parasol.Portal.Pages.Refer;

namespace Parasol.EndToEnd.Tests.BackOffice;

/// <summary>
/// The back office reads an older case's answers from the JSON the Portal's journeys store (<see cref="OlderAnswers"/>):
/// every property a journey stores has a label, and every code it offers reads as words, in Polish, English and Ukrainian.
/// A journey that gains a question fails here until the back office can read it.
/// </summary>
public sealed class OlderAnswerLabelsTests
{
    private static readonly IStringLocalizer BackOffice = new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance)
        .Create(typeof(Parasol.BackOffice.SharedResource));

    [Fact]
    public void Every_property_a_journey_stores_has_a_label_in_every_language()
    {
        var properties = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var state in new object[] { new FamilyAssistantState(), new ChildAnswers(), new SupportState(), new BenefitState(), new ReferralState(), new AccessibilityRequestAnswers() })
        {
            Collect(JsonSerializer.SerializeToElement(state, state.GetType(), JourneyStore.Json), properties);
        }

        Assert.Contains("childDateOfBirth", properties); // the walk reached nested answers
        AssertEveryKeyIn(properties.Select(p => $"Answer {p}"));
    }

    [Fact]
    public void Every_code_a_journey_offers_reads_as_words_in_every_language()
    {
        var codes = new (string Property, IEnumerable<string> Codes)[]
        {
            ("role", [.. FamilyAssistantJourney.Roles, .. SupportJourney.Roles, .. BenefitJourney.Roles]),
            ("preferredContact", FamilyAssistantJourney.ContactWays),
            ("replyBy", AccessibilityRequestAnswers.ReplyWays),
            ("language", ParasolCultures.Supported),
            ("helpWanted", FamilyAssistantJourney.HelpAreas),
            ("earlierHelp", ["Yes", "No"]),
            ("specialty", OneTimeBenefitRules.CertifyingSpecialties),
            ("method", BenefitJourney.Methods),
            ("type", ReferralJourney.InstitutionTypes),
            ("urgency", ReferralJourney.Urgencies),
            ("blueCard", ReferralJourney.BlueCardAnswers),
            ("parentsKnow", ReferralJourney.ParentsKnowAnswers),
        };

        AssertEveryKeyIn(codes.SelectMany(c => c.Codes.Select(code => $"Answer {c.Property} {code}")));
    }

    private static void Collect(JsonElement element, SortedSet<string> properties)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }
        foreach (var property in element.EnumerateObject().Where(p => OlderAnswers.IsAnswer(p.Name)))
        {
            // A date's day, month and year read as one date, under the date's own label.
            if (property.Name is not ("day" or "month" or "year"))
            {
                properties.Add(property.Name);
            }
            Collect(property.Value, properties);
        }
    }

    private static void AssertEveryKeyIn(IEnumerable<string> keys)
    {
        var previous = CultureInfo.CurrentUICulture;
        var missing = new List<string>();
        try
        {
            foreach (var culture in ParasolCultures.Supported)
            {
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
                missing.AddRange(keys.Where(k => BackOffice[k].ResourceNotFound).Select(k => $"{culture}: {k}"));
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
        Assert.True(missing.Count == 0, string.Join('\n', missing));
    }
}
