using Parasol.Testing;
namespace Parasol.Portal.Tests.Pages.Apply;

/// <summary>Each rule of the family's request: the message next to the field and in the summary, and nothing typed lost.</summary>
public sealed class FamilyAssistantValidationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("Answers.Role", "", "Answers-Role", "Zaznacz, kto prosi o pomoc")]
    [InlineData("Answers.FirstName", "", "Answers-FirstName", "Wpisz imię")]
    [InlineData("Answers.LastName", " ", "Answers-LastName", "Wpisz nazwisko")]
    [InlineData("Answers.Pesel", "90032712342", "Answers-Pesel", "Wpisz poprawny numer PESEL: 11 cyfr, tak jak w dowodzie osobistym")]
    [InlineData("Answers.Pesel", "9003271234", "Answers-Pesel", "Wpisz poprawny numer PESEL: 11 cyfr, tak jak w dowodzie osobistym")]
    [InlineData("Answers.Pesel", "", "Answers-Pesel", "Wpisz numer PESEL albo, jeśli go nie masz, datę urodzenia")]
    public async Task About_you(string field, string value, string id, string message)
    {
        var form = await AtStepAsync(0);
        var answers = FamilyAssistantAnswers.AboutYou();
        answers[field] = value;

        await form.PostAsync(answers);

        AssertError(form, id, message);
        Assert.Equal(field == "Answers.FirstName" ? value : "Anna", form.Value("Answers-FirstName"));
    }

    [Theory]
    [InlineData("31", "2", "1990", "Wpisz prawdziwą datę urodzenia z przeszłości, na przykład 27 3 1990")]
    [InlineData("1", "1", "2099", "Wpisz prawdziwą datę urodzenia z przeszłości, na przykład 27 3 1990")]
    [InlineData("x", "3", "1990", "Wpisz prawdziwą datę urodzenia z przeszłości, na przykład 27 3 1990")]
    public async Task A_date_of_birth_instead_of_pesel_must_be_a_real_past_date(string day, string month, string year, string message)
    {
        var form = await AtStepAsync(0);
        var answers = FamilyAssistantAnswers.AboutYou();
        answers["Answers.Pesel"] = "";
        answers["Answers.DateOfBirth.Day"] = day;
        answers["Answers.DateOfBirth.Month"] = month;
        answers["Answers.DateOfBirth.Year"] = year;

        await form.PostAsync(answers);

        AssertError(form, "Answers-DateOfBirth", message);
        Assert.Equal(day, form.Value("Answers-DateOfBirth"));
        Assert.Equal(year, form.Value("Answers-DateOfBirth-Year"));
    }

    [Fact]
    public async Task A_date_of_birth_is_enough_without_a_pesel()
    {
        var form = await AtStepAsync(0);
        var answers = FamilyAssistantAnswers.AboutYou();
        answers["Answers.Pesel"] = "";
        answers["Answers.DateOfBirth.Day"] = "29";
        answers["Answers.DateOfBirth.Month"] = "2";
        answers["Answers.DateOfBirth.Year"] = "1992";

        await form.PostAsync(answers);

        Assert.Empty(form.Errors());
        Assert.EndsWith("/contact", form.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Answers.Street", "", "Answers-Street", "Wpisz ulicę")]
    [InlineData("Answers.HouseNumber", "", "Answers-HouseNumber", "Wpisz numer domu")]
    [InlineData("Answers.PostalCode", "", "Answers-PostalCode", "Wpisz kod pocztowy")]
    [InlineData("Answers.PostalCode", "4-4230", "Answers-PostalCode", "Wpisz kod pocztowy jako dwie cyfry, myślnik i trzy cyfry, na przykład 44-230")]
    [InlineData("Answers.PostalCode", "442300", "Answers-PostalCode", "Wpisz kod pocztowy jako dwie cyfry, myślnik i trzy cyfry, na przykład 44-230")]
    [InlineData("Answers.City", "", "Answers-City", "Wpisz miejscowość")]
    [InlineData("Answers.Phone", "12345", "Answers-Phone", "Wpisz numer telefonu, na przykład 601 234 567 lub +48 601 234 567")]
    [InlineData("Answers.Email", "anna@", "Answers-Email", "Wpisz adres e-mail, na przykład imie@example.com")]
    [InlineData("Answers.Email", "", "Answers-Email", "Wpisz adres e-mail, bo wybrałaś lub wybrałeś kontakt mailowy")]
    [InlineData("Answers.PreferredContact", "", "Answers-PreferredContact", "Zaznacz, jak mamy się z Tobą kontaktować")]
    [InlineData("Answers.Language", "de", "Answers-Language", "Wybierz język, w którym mamy do Ciebie pisać")]
    public async Task Address_and_contact(string field, string value, string id, string message)
    {
        var form = await AtStepAsync(1);
        var answers = FamilyAssistantAnswers.Contact();
        answers[field] = value;

        await form.PostAsync(answers);

        AssertError(form, id, message);
        Assert.Equal(field == "Answers.City" ? value : "Lipowiec", form.Value("Answers-City"));
        Assert.Equal(field == "Answers.Phone" ? value : "601 234 567", form.Value("Answers-Phone"));
    }

    [Fact]
    public async Task Phone_contact_needs_a_phone_number()
    {
        var form = await AtStepAsync(1);
        var answers = FamilyAssistantAnswers.Contact();
        answers["Answers.Phone"] = "";
        answers["Answers.PreferredContact"] = "Phone";

        await form.PostAsync(answers);

        AssertError(form, "Answers-Phone", "Wpisz numer telefonu, bo wybrałaś lub wybrałeś kontakt telefoniczny");
    }

    [Theory]
    [InlineData("", "14", "9", "2018", "Answers-Children-0-FirstName", "Wpisz imię dziecka")]
    [InlineData("Zosia", "31", "4", "2018", "Answers-Children-0-DateOfBirth", "Wpisz prawdziwą datę urodzenia dziecka, na przykład 14 9 2018")]
    [InlineData("Zosia", "1", "1", "2099", "Answers-Children-0-DateOfBirth", "Wpisz prawdziwą datę urodzenia dziecka, na przykład 14 9 2018")]
    [InlineData("", "", "", "", "Answers-Children-0-FirstName", "Podaj dane co najmniej jednego dziecka")]
    public async Task Children(string name, string day, string month, string year, string id, string message)
    {
        var form = await AtStepAsync(2);
        await form.PostAsync(new Dictionary<string, string>
        {
            ["Answers.Children[0].FirstName"] = name,
            ["Answers.Children[0].DateOfBirth.Day"] = day,
            ["Answers.Children[0].DateOfBirth.Month"] = month,
            ["Answers.Children[0].DateOfBirth.Year"] = year,
        });

        AssertError(form, id, message);
    }

    [Fact]
    public async Task Another_child_is_added_without_losing_the_first()
    {
        var form = await AtStepAsync(2);

        await form.PostAsync(FamilyAssistantAnswers.Household(), "?handler=AddChild");

        Assert.Equal("Zosia", form.Value("Answers-Children-0-FirstName"));
        Assert.Equal("", form.Value("Answers-Children-1-FirstName"));
        Assert.Equal("Dziecko 2", form.Page.QuerySelectorAll("legend").Select(l => l.TextContent.Trim()).First(t => t.StartsWith("Dziecko 2", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("Answers.Difficulties", "Answers-Difficulties", "Napisz w kilku słowach, co jest teraz trudne dla Twojej rodziny")]
    [InlineData("Answers.HelpWanted", "Answers-HelpWanted", "Zaznacz, w czym potrzebujesz pomocy, albo opisz to w polu „Coś innego”")]
    [InlineData("Answers.EarlierHelp", "Answers-EarlierHelp", "Zaznacz, czy korzystałaś lub korzystałeś wcześniej z pomocy")]
    public async Task Situation(string left, string id, string message)
    {
        var form = await AtStepAsync(3);
        var answers = FamilyAssistantAnswers.Situation().Where(kv => kv.Key != left).ToList();

        await form.PostAsync(answers);

        AssertError(form, id, message);
    }

    [Fact]
    public async Task Long_answers_are_refused_with_the_limit()
    {
        var form = await AtStepAsync(0);
        var answers = FamilyAssistantAnswers.AboutYou();
        answers["Answers.FirstName"] = new string('a', 101);

        await form.PostAsync(answers);

        AssertError(form, "Answers-FirstName", "Użyj najwyżej 100 znaków");
    }

    [Fact]
    public async Task Nothing_is_sent_without_consent()
    {
        var form = new FormClient(portal.App.CreateClient());
        await FamilyAssistantJourneyTests.CompleteUpToCheckAsync(form);

        await form.PostAsync([]);

        AssertError(form, "Consent", "Potwierdź, że zgadzasz się na współpracę z asystentem rodziny i zapoznałaś lub zapoznałeś się z klauzulą informacyjną");
        Assert.EndsWith("/check", form.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Messages_speak_the_chosen_language()
    {
        var form = new FormClient(portal.App.CreateClient());
        await form.GetAsync("/apply/family-assistant?culture=uk");
        await form.PostAsync([]);

        await form.PostAsync(new Dictionary<string, string> { ["Answers.Role"] = "Parent" }, "?culture=uk");

        Assert.Equal("Виникла проблема", form.Page.Text(".error-summary-title"));
        Assert.Contains(("#Answers-FirstName", "Введіть ім’я"), form.Errors());
        Assert.Equal("Крок 1 з 5", form.Page.Text(".step-progress"));
    }

    private static void AssertError(FormClient form, string id, string message)
    {
        Assert.Contains(("#" + id, message), form.Errors());
        Assert.NotNull(form.Page.GetElementById(id));
        var group = form.Page.GetElementById(id)!.Closest(".form-group")!;
        Assert.Contains(message, group.QuerySelector(".error-message")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Błąd:", group.QuerySelector(".error-message .visually-hidden")!.TextContent, StringComparison.Ordinal);
    }

    private async Task<FormClient> AtStepAsync(int step)
    {
        var form = new FormClient(portal.App.CreateClient());
        await FamilyAssistantJourneyTests.StartAsync(form);
        if (step > 0)
        {
            await form.PostAsync(FamilyAssistantAnswers.AboutYou());
        }
        if (step > 1)
        {
            await form.PostAsync(FamilyAssistantAnswers.Contact());
        }
        if (step > 2)
        {
            await form.PostAsync(FamilyAssistantAnswers.Household());
        }
        return form;
    }
}
