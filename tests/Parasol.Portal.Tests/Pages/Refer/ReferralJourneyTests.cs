using Microsoft.EntityFrameworkCore;
using Parasol.Core.Cases;
using Parasol.Portal.Tests.Pages.Apply;
using Parasol.Testing;

namespace Parasol.Portal.Tests.Pages.Refer;

public sealed class ReferralJourneyTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static Dictionary<string, string> Court() => new()
    {
        ["Answers.Type"] = "FamilyCourt",
        ["Answers.Name"] = "Sąd Rejonowy w Lipowcu, III Wydział Rodzinny i Nieletnich",
        ["Answers.CourtCaseSignature"] = "III Nsm 348/13",
        ["Answers.ContactPerson"] = "Jan Kurator",
        ["Answers.ContactRole"] = "kurator sądowy",
        ["Answers.Email"] = "sekretariat@sad.example",
        ["Answers.Phone"] = "",
    };

    internal static Dictionary<string, string> School() => new(Court())
    {
        ["Answers.Type"] = "School",
        ["Answers.Name"] = "Szkoła Podstawowa nr 2",
        ["Answers.CourtCaseSignature"] = "",
        ["Answers.ContactRole"] = "pedagog",
    };

    internal static Dictionary<string, string> Family() => new()
    {
        ["Answers.ChildFirstName"] = "Kacper",
        ["Answers.SchoolClass"] = "3b",
    };

    internal static Dictionary<string, string> Concern(string urgency = "Normal", string blueCard = "No") => new()
    {
        ["Answers.Observed"] = "Kacper od tygodnia przychodzi głodny i bez kurtki.",
        ["Answers.ParentsKnow"] = "Yes",
        ["Answers.Urgency"] = urgency,
        ["Answers.BlueCard"] = blueCard,
    };

    [Fact]
    public async Task A_court_refers_a_family_urgently_with_a_blue_card_and_gets_a_receipt()
    {
        var form = await StartAsync();
        Assert.Equal("Krok 1 z 4", form.Page.Text(".step-progress"));
        await form.PostAsync(Court());
        await form.PostAsync(Family());
        Assert.Contains("112", form.Page.Text(".emergency"), StringComparison.Ordinal);
        await form.PostAsync(Concern("Immediate", "Open"));
        await form.PostAsync([], "?handler=Continue");
        Assert.Contains("III Nsm 348/13", form.Page.Text("main"), StringComparison.Ordinal);
        await form.PostAsync([new("Consent", "true")]);

        var number = form.Page.Text(".case-number");
        Assert.StartsWith("OPS.4013.", number, StringComparison.Ordinal);
        await using var db = portal.App.Database.CreateDbContext();
        var stored = await db.Cases.Include(c => c.People).SingleAsync(c => c.Number == number);
        Assert.Equal(CaseSource.Court, stored.Source);
        Assert.True(stored.IsUrgent);
        Assert.True(stored.BlueCard);
        Assert.Equal("III Nsm 348/13", stored.ReferringInstitution!.CourtCaseSignature);
        Assert.Equal("Kacper", Assert.Single(stored.People).FirstName);
        Assert.Null(stored.FamilyAddress);
    }

    [Fact]
    public async Task A_school_referral_that_is_not_urgent_stays_a_normal_case()
    {
        var form = await StartAsync();
        await form.PostAsync(School());
        await form.PostAsync(Family());
        await form.PostAsync(Concern());
        await form.PostAsync([], "?handler=Continue");
        await form.PostAsync([new("Consent", "true")]);

        await using var db = portal.App.Database.CreateDbContext();
        var stored = await db.Cases.SingleAsync(c => c.Number == form.Page.Text(".case-number"));
        Assert.Equal(CaseSource.School, stored.Source);
        Assert.False(stored.IsUrgent);
        Assert.False(stored.BlueCard);
        Assert.Null(stored.ReferringInstitution!.CourtCaseSignature);
    }

    [Fact]
    public async Task The_family_address_may_have_a_flat_number_which_is_read_back_and_stored()
    {
        var form = await StartAsync();
        await form.PostAsync(School());
        Assert.Equal("Numer mieszkania (nieobowiązkowo)", form.Page.QuerySelector("label[for=Answers-FlatNumber]")!.TextContent.Trim());
        var family = Family();
        (family["Answers.Street"], family["Answers.HouseNumber"], family["Answers.FlatNumber"], family["Answers.PostalCode"], family["Answers.City"])
            = ("Polna", "8", new string('4', 21), "44230", "Lipowiec");

        await form.PostAsync(family);
        Assert.Equal([("#Answers-FlatNumber", "Użyj najwyżej 20 znaków")], form.Errors());
        Assert.Equal("Polna", form.Value("Answers-Street"));

        family["Answers.FlatNumber"] = "4";
        await form.PostAsync(family);
        await form.PostAsync(Concern());
        await form.PostAsync([], "?handler=Continue");
        var address = form.Page.QuerySelectorAll(".summary-row").Single(r => r.QuerySelector(".summary-key")!.TextContent.Trim() == "Adres");
        Assert.Equal("Polna 8/4, 44-230 Lipowiec", address.QuerySelector(".summary-value")!.TextContent.Trim());
        await form.PostAsync([new("Consent", "true")]);

        await using var db = portal.App.Database.CreateDbContext();
        var stored = await db.Cases.SingleAsync(c => c.Number == form.Page.Text(".case-number"));
        Assert.Equal(("Polna", "8", "4", "44-230"), (stored.FamilyAddress!.Street, stored.FamilyAddress.HouseNumber, stored.FamilyAddress.FlatNumber, stored.FamilyAddress.PostalCode));
    }

    [Theory]
    [InlineData("FamilyCourt", "", "Wpisz sygnaturę akt")]
    [InlineData("FamilyCourt", "348/13", "Wpisz sygnaturę tak, jak zapisuje ją sąd, na przykład III Nsm 348/13")]
    [InlineData("FamilyCourt", "IIII Nsm 348/2013", "Wpisz sygnaturę tak, jak zapisuje ją sąd, na przykład III Nsm 348/13")]
    public async Task A_court_must_give_a_valid_case_signature(string type, string signature, string message)
    {
        var form = await StartAsync();
        var answers = Court();
        answers["Answers.Type"] = type;
        answers["Answers.CourtCaseSignature"] = signature;

        await form.PostAsync(answers);

        Assert.Contains(("#Answers-CourtCaseSignature", message), form.Errors());
        Assert.Equal("Jan Kurator", form.Value("Answers-ContactPerson"));
    }

    [Theory]
    [InlineData("Answers.Type", "", "#Answers-Type", "Zaznacz rodzaj swojej instytucji")]
    [InlineData("Answers.Name", "", "#Answers-Name", "Wpisz nazwę swojej instytucji")]
    [InlineData("Answers.ContactPerson", "", "#Answers-ContactPerson", "Wpisz imię i nazwisko")]
    [InlineData("Answers.Email", "", "#Answers-Email", "Podaj adres e-mail lub numer telefonu, abyśmy mogli się z Tobą skontaktować")]
    [InlineData("Answers.Email", "sad@", "#Answers-Email", "Wpisz adres e-mail, na przykład imie@example.com")]
    public async Task The_institution_and_a_way_to_reach_it_are_required(string field, string value, string target, string message)
    {
        var form = await StartAsync();
        var answers = Court();
        answers[field] = value;

        await form.PostAsync(answers);

        Assert.Contains((target, message), form.Errors());
    }

    [Theory]
    [InlineData("Answers.ChildFirstName", "", "#Answers-ChildFirstName", "Podaj co najmniej imię dziecka albo imiona i nazwiska rodziców")]
    [InlineData("Answers.PostalCode", "44 23", "#Answers-PostalCode", "Wpisz kod pocztowy jako dwie cyfry, myślnik i trzy cyfry, na przykład 44-230")]
    public async Task What_is_known_of_the_family(string field, string value, string target, string message)
    {
        var form = await StartAsync();
        await form.PostAsync(School());
        var answers = Family();
        answers[field] = value;

        await form.PostAsync(answers);

        Assert.Contains((target, message), form.Errors());
    }

    [Theory]
    [InlineData("Answers.Observed", "#Answers-Observed", "Opisz, co zaobserwowałaś lub zaobserwowałeś")]
    [InlineData("Answers.Urgency", "#Answers-Urgency", "Zaznacz, jak pilna jest sprawa")]
    [InlineData("Answers.BlueCard", "#Answers-BlueCard", "Zaznacz, czy prowadzona jest procedura Niebieskiej Karty")]
    [InlineData("Answers.ParentsKnow", "#Answers-ParentsKnow", "Zaznacz, czy rodzice wiedzą o zgłoszeniu")]
    public async Task The_concern(string left, string target, string message)
    {
        var form = await StartAsync();
        await form.PostAsync(School());
        await form.PostAsync(Family());

        await form.PostAsync(Concern().Where(kv => kv.Key != left));

        Assert.Contains((target, message), form.Errors());
    }

    private async Task<FormClient> StartAsync()
    {
        var form = new FormClient(portal.App.CreateClient());
        await form.GetAsync("/refer");
        await form.PostAsync([]);
        return form;
    }
}
