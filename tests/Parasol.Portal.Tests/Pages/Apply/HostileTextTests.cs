using System.Net;
using Microsoft.EntityFrameworkCore;
using Parasol.Testing;

namespace Parasol.Portal.Tests.Pages.Apply;

/// <summary>The two rules that change what was typed: invisible control characters go, and every field has a length limit.</summary>
public sealed class HostileTextTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Control_characters_are_removed_but_line_breaks_and_tabs_stay()
    {
        var form = new FormClient(portal.App.CreateClient());
        var id = await FamilyAssistantJourneyTests.StartAsync(form);

        await form.PostAsync(new Dictionary<string, string>(FamilyAssistantAnswers.AboutYou()) { ["Answers.FirstName"] = "Anna\u001B[31m\u0007\u0085" });
        await form.PostAsync(FamilyAssistantAnswers.Contact());
        await form.PostAsync(FamilyAssistantAnswers.Household());
        await form.PostAsync([.. FamilyAssistantAnswers.Situation().Where(a => a.Key != "Answers.Difficulties"), new("Answers.Difficulties", "Pierwsza linia\r\n\tdruga linia")]);

        Assert.Equal(HttpStatusCode.OK, form.Last!.StatusCode);
        Assert.Empty(form.Errors());
        await using var db = portal.App.Database.CreateDbContext();
        var state = (await db.JourneyStates.AsNoTracking().SingleAsync(s => s.Id == id)).StateJson;
        Assert.Contains("\"Anna[31m\"", state, StringComparison.Ordinal);
        Assert.Contains("\"Pierwsza linia\\r\\n\\tdruga linia\"", state, StringComparison.Ordinal);
    }

    /// <summary>A page sent back for another mistake shows the text as it will be kept, in a list's items too.</summary>
    [Fact]
    public async Task A_page_sent_back_shows_the_text_without_its_control_characters()
    {
        var form = new FormClient(portal.App.CreateClient());
        await FamilyAssistantJourneyTests.StartAsync(form);
        await form.PostAsync(FamilyAssistantAnswers.AboutYou());
        await form.PostAsync(FamilyAssistantAnswers.Contact());

        await form.PostAsync(new Dictionary<string, string>(FamilyAssistantAnswers.Household())
        {
            ["Answers.Children[0].FirstName"] = "Zo\u0007sia\u001B[31m",
            ["Answers.Children[0].DateOfBirth.Year"] = "",
            ["Answers.OtherMembers"] = "Babcia\u0085\r\nDziadek\u0008",
        });

        Assert.Equal(["#Answers-Children-0-DateOfBirth"], form.Errors().Select(e => e.Target));
        Assert.Equal("Zosia[31m", form.Value("Answers-Children-0-FirstName"));
        Assert.Equal("Babcia\r\nDziadek", form.Value("Answers-OtherMembers"));
    }

    [Fact]
    public async Task Every_typed_part_of_the_address_is_isolated_so_a_direction_override_in_the_street_cannot_move_the_numbers()
    {
        const string street = "Ślusarska \u202Ekaj\u202C 😀";
        var form = new FormClient(portal.App.CreateClient());
        await FamilyAssistantJourneyTests.StartAsync(form);
        await form.PostAsync(FamilyAssistantAnswers.AboutYou());
        await form.PostAsync(new Dictionary<string, string>(FamilyAssistantAnswers.Contact()) { ["Answers.Street"] = street });
        await form.PostAsync(FamilyAssistantAnswers.Household());
        await form.PostAsync(FamilyAssistantAnswers.Situation());
        await form.PostAsync([], "?handler=Continue");

        string[] isolated = [street, "36", "4", "44-230", "Lipowiec", "Anna", "Wójcik"];
        Assert.Equal(isolated, TypedPieces(form, "Adres").Concat(TypedPieces(form, "Imię i nazwisko")));
        Assert.Equal($"{street} 36/4, 44-230 Lipowiec", Row(form, "Adres").TextContent.Trim());

        await form.PostAsync([new("Consent", "true")]);
        Assert.StartsWith("/apply/receipt/", form.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(isolated, TypedPieces(form, "Adres").Concat(TypedPieces(form, "Imię i nazwisko")));
    }

    private static AngleSharp.Dom.IElement Row(FormClient form, string label) =>
        form.Page.QuerySelectorAll(".summary-row").Single(r => r.QuerySelector(".summary-key")!.TextContent.Trim() == label).QuerySelector(".summary-value")!;

    private static IEnumerable<string> TypedPieces(FormClient form, string label) => Row(form, label).QuerySelectorAll("bdi").Select(b => b.TextContent);

    [Fact]
    public async Task A_nul_character_is_refused_as_a_bad_request_and_changes_nothing()
    {
        var form = new FormClient(portal.App.CreateClient());
        var id = await FamilyAssistantJourneyTests.StartAsync(form);
        await form.PostAsync(FamilyAssistantAnswers.AboutYou());
        await form.GetAsync($"/apply/family-assistant/{id}/about-you");

        await form.PostAsync(new Dictionary<string, string>(FamilyAssistantAnswers.AboutYou()) { ["Answers.FirstName"] = "Jan\u0000ina" });

        Assert.Equal(HttpStatusCode.BadRequest, form.Last!.StatusCode);
        Assert.Equal("Nie udało się wysłać strony", form.Page.Text("h1"));
        await using var db = portal.App.Database.CreateDbContext();
        Assert.Contains("\"Anna\"", (await db.JourneyStates.AsNoTracking().SingleAsync(s => s.Id == id)).StateJson, StringComparison.Ordinal);
    }

    public static TheoryData<string, string[], string, int> Limits => new()
    {
        { "/apply/family-assistant", [], "Answers.FirstName", 100 },
        { "/apply/family-assistant", [], "Answers.LastName", 100 },
        { "/apply/family-assistant", ["about-you"], "Answers.Street", 200 },
        { "/apply/family-assistant", ["about-you"], "Answers.HouseNumber", 20 },
        { "/apply/family-assistant", ["about-you"], "Answers.FlatNumber", 20 },
        { "/apply/family-assistant", ["about-you"], "Answers.City", 100 },
        { "/apply/family-assistant", ["about-you", "contact"], "Answers.Children[0].FirstName", 100 },
        { "/apply/family-assistant", ["about-you", "contact"], "Answers.OtherMembers", 1000 },
        { "/apply/family-assistant", ["about-you", "contact", "household"], "Answers.Difficulties", 2000 },
        { "/apply/family-assistant", ["about-you", "contact", "household"], "Answers.HelpOther", 1000 },
        { "/apply/family-assistant", ["about-you", "contact", "household"], "Answers.EarlierHelpDetails", 1000 },
        { "/apply/za-zyciem-benefit", [], "Answers.FirstName", 100 },
        { "/apply/za-zyciem-benefit", [], "Answers.LastName", 100 },
        { "/apply/za-zyciem-benefit", ["applicant"], "Answers.FirstName", 100 },
        { "/apply/za-zyciem-benefit", ["applicant"], "Answers.LastName", 100 },
        { "/apply/za-zyciem-benefit", ["applicant", "child"], "Answers.Street", 200 },
        { "/apply/za-zyciem-benefit", ["applicant", "child"], "Answers.HouseNumber", 20 },
        { "/apply/za-zyciem-benefit", ["applicant", "child"], "Answers.City", 100 },
        { "/apply/za-zyciem-support", [], "Answers.FirstName", 100 },
        { "/apply/za-zyciem-support", [], "Answers.LastName", 100 },
        { "/apply/za-zyciem-support", ["about-you"], "Answers.Street", 200 },
        { "/apply/za-zyciem-support", ["about-you"], "Answers.HouseNumber", 20 },
        { "/apply/za-zyciem-support", ["about-you"], "Answers.FlatNumber", 20 },
        { "/apply/za-zyciem-support", ["about-you"], "Answers.City", 100 },
        { "/apply/za-zyciem-support", ["about-you", "contact"], "Answers.ChildFirstName", 100 },
        { "/apply/za-zyciem-support", ["about-you", "contact"], "Answers.Needs", 2000 },
        { "/refer", [], "Answers.Name", 300 },
        { "/refer", [], "Answers.ContactPerson", 200 },
        { "/refer", [], "Answers.ContactRole", 100 },
        { "/refer", ["institution"], "Answers.ChildFirstName", 100 },
        { "/refer", ["institution"], "Answers.ChildLastName", 100 },
        { "/refer", ["institution"], "Answers.SchoolClass", 20 },
        { "/refer", ["institution"], "Answers.ParentNames", 300 },
        { "/refer", ["institution"], "Answers.Street", 200 },
        { "/refer", ["institution"], "Answers.HouseNumber", 20 },
        { "/refer", ["institution"], "Answers.City", 100 },
        { "/refer", ["institution", "family"], "Answers.Observed", 4000 },
        { "/refer", ["institution", "family"], "Answers.ActionsTaken", 2000 },
    };

    [Theory]
    [MemberData(nameof(Limits))]
    public async Task A_very_long_answer_is_refused_next_to_its_field_and_kept_for_correcting(string journey, string[] stepsBefore, string field, int max)
    {
        var form = new FormClient(portal.App.CreateClient());
        await form.GetAsync(journey);
        await form.PostAsync([]);
        foreach (var step in stepsBefore)
        {
            await form.PostAsync(ValidAnswers(journey, step));
            Assert.Empty(form.Errors());
        }
        var slug = form.Location!.AbsolutePath.Split('/')[^1];
        var answers = ValidAnswers(journey, slug);
        var tooLong = string.Concat(Enumerable.Repeat("ż", max + 1));
        answers[field] = tooLong;

        await form.PostAsync(answers);

        Assert.Equal(HttpStatusCode.OK, form.Last!.StatusCode);
        Assert.Equal([($"#{field.Replace('.', '-').Replace('[', '-').Replace("]", "", StringComparison.Ordinal)}", $"Użyj najwyżej {max} znaków")], form.Errors());
        Assert.Equal(tooLong, form.Value(field.Replace('.', '-').Replace('[', '-').Replace("]", "", StringComparison.Ordinal)));
    }

    private static Dictionary<string, string> ValidAnswers(string journey, string step) => (journey, step) switch
    {
        ("/apply/family-assistant", "about-you") => FamilyAssistantAnswers.AboutYou(),
        ("/apply/family-assistant", "contact") => FamilyAssistantAnswers.Contact(),
        ("/apply/family-assistant", "household") => FamilyAssistantAnswers.Household(),
        ("/apply/family-assistant", "situation") => new()
        {
            ["Answers.Difficulties"] = "Trudno.",
            ["Answers.HelpWanted"] = "School",
            ["Answers.EarlierHelp"] = "No",
        },
        ("/apply/za-zyciem-support", "about-you") => FamilyAssistantAnswers.AboutYou(),
        ("/apply/za-zyciem-support", "contact") => FamilyAssistantAnswers.Contact(),
        ("/apply/za-zyciem-support", "support") => new()
        {
            ["Answers.ChildFirstName"] = "Staś",
            ["Answers.ChildDateOfBirth.Day"] = "3",
            ["Answers.ChildDateOfBirth.Month"] = "2",
            ["Answers.ChildDateOfBirth.Year"] = "2025",
            ["Answers.Needs"] = "Rehabilitacja.",
        },
        ("/apply/za-zyciem-benefit", "applicant") => new()
        {
            ["Answers.Role"] = "Father",
            ["Answers.FirstName"] = "Jan",
            ["Answers.LastName"] = "Kowal",
            ["Answers.Pesel"] = "90032712341",
            ["Answers.Email"] = "jan@example.com",
        },
        ("/apply/za-zyciem-benefit", "child") => new()
        {
            ["Answers.FirstName"] = "Staś",
            ["Answers.LastName"] = "Kowal",
            ["Answers.DateOfBirth.Day"] = "1",
            ["Answers.DateOfBirth.Month"] = DateTime.UtcNow.AddMonths(-2).Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Answers.DateOfBirth.Year"] = DateTime.UtcNow.AddMonths(-2).Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Answers.Specialty"] = "Neonatology",
        },
        ("/apply/za-zyciem-benefit", "payment") => new()
        {
            ["Answers.Method"] = "Post",
            ["Answers.Street"] = "Lipowa",
            ["Answers.HouseNumber"] = "5",
            ["Answers.PostalCode"] = "44-230",
            ["Answers.City"] = "Lipowiec",
        },
        ("/refer", "institution") => new()
        {
            ["Answers.Type"] = "School",
            ["Answers.Name"] = "SP 2",
            ["Answers.ContactPerson"] = "Jan Nowak",
            ["Answers.ContactRole"] = "pedagog",
            ["Answers.Email"] = "sp2@szkola.example",
        },
        ("/refer", "family") => new() { ["Answers.ChildFirstName"] = "Kacper" },
        ("/refer", "concern") => new()
        {
            ["Answers.Observed"] = "Przychodzi głodny.",
            ["Answers.ParentsKnow"] = "Yes",
            ["Answers.Urgency"] = "Normal",
            ["Answers.BlueCard"] = "No",
        },
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
    };
}
