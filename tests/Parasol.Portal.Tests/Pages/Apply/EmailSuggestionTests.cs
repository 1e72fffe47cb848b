using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Parasol.Testing;

namespace Parasol.Portal.Tests.Pages.Apply;

/// <summary>"Did you mean …@gmail.com?": a mistyped mail domain brings the page back once, without JavaScript and without an error.</summary>
public sealed class EmailSuggestionTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_mistyped_domain_brings_the_contact_step_back_once_with_a_suggestion_the_family_can_take()
    {
        var (form, contact) = await AtContactAsync("anna.wojcik@gmial.com");

        await form.PostAsync(contact);

        Assert.Equal(HttpStatusCode.OK, form.Last!.StatusCode);
        Assert.EndsWith("/contact", form.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Empty(form.Errors());
        Assert.StartsWith("Sprawdź adres e-mail: Adres i kontakt", form.Page.Title, StringComparison.Ordinal);
        var link = form.Page.QuerySelector(".notice-summary a")!;
        Assert.Equal(("#EmailCheck-Choice", "Czy chodziło o anna.wojcik@gmail.com?"), (link.GetAttribute("href")!, link.TextContent.Trim()));
        Assert.Equal("anna.wojcik@gmial.com", form.Value("Answers-Email"));
        Assert.Equal(["Tak, użyj adresu anna.wojcik@gmail.com", "Nie, zostaw adres anna.wojcik@gmial.com"],
            form.Page.QuerySelectorAll(".email-suggestion .choice-label").Select(l => l.TextContent.Trim()));
        Assert.NotNull(form.Page.GetElementById("EmailCheck-Choice"));

        await form.PostAsync(Answer(form, contact, "Suggested"));

        Assert.EndsWith("/household", form.Location!.AbsolutePath, StringComparison.Ordinal);
        await form.PostAsync(FamilyAssistantAnswers.Household());
        await form.PostAsync(FamilyAssistantAnswers.Situation());
        await form.PostAsync([], "?handler=Continue");
        Assert.Contains("anna.wojcik@gmail.com", form.Page.Text("main"), StringComparison.Ordinal);
        Assert.DoesNotContain("gmial", form.Page.Text("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_family_may_keep_what_they_typed_and_is_not_asked_again_about_it()
    {
        var (form, contact) = await AtContactAsync("ewa@wp.pll");
        await form.PostAsync(contact);

        await form.PostAsync(Answer(form, contact, "AsTyped"));

        Assert.EndsWith("/household", form.Location!.AbsolutePath, StringComparison.Ordinal);
        var id = form.Location!.AbsolutePath.Split('/')[3];
        await form.GetAsync($"/apply/family-assistant/{id}/contact");
        Assert.Equal("ewa@wp.pll", form.Value("Answers-Email"));
        await form.PostAsync(contact);
        Assert.EndsWith("/household", form.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_question_sent_back_unanswered_is_an_error_and_an_address_typed_anew_is_looked_at_anew()
    {
        var (form, contact) = await AtContactAsync("anna@gmial.com");
        await form.PostAsync(contact);

        await form.PostAsync(Answer(form, contact, choice: null));

        Assert.Equal([("#EmailCheck-Choice", "Zaznacz, czy użyć proponowanego adresu e-mail, czy tego, który wpisałaś lub wpisałeś")], form.Errors());
        Assert.StartsWith("Błąd: ", form.Page.Title, StringComparison.Ordinal);

        // A choice made about gmial.com does not carry over to another address with a slip of its own.
        var retyped = new Dictionary<string, string>(contact) { ["Answers.Email"] = "anna@onet.pll" };
        await form.PostAsync(Answer(form, retyped, "Suggested"));
        Assert.Equal("Czy chodziło o anna@onet.pl?", form.Page.Text(".notice-summary a"));

        await form.PostAsync(new Dictionary<string, string>(contact) { ["Answers.Email"] = "anna@onet.pl" });
        Assert.EndsWith("/household", form.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/apply/za-zyciem-support")]
    [InlineData("/apply/za-zyciem-benefit")]
    [InlineData("/refer")]
    [InlineData("/accessibility-request")]
    public async Task Every_form_that_asks_for_an_e_mail_address_suggests_the_common_domain(string start)
    {
        var form = new FormClient(portal.App.CreateClient());
        var fields = await AtEmailStepAsync(form, start, "kontakt@interai.pl");

        await form.PostAsync(fields);

        Assert.Empty(form.Errors());
        Assert.Equal("Czy chodziło o kontakt@interia.pl?", form.Page.Text(".notice-summary a"));

        var asked = form.Location!.AbsolutePath;
        await form.PostAsync(Answer(form, fields, "Suggested"));

        Assert.Empty(form.Errors());
        Assert.NotEqual(asked, form.Location!.AbsolutePath); // on to the next step, or the receipt
    }

    /// <summary>The fields as sent again, with the hidden address asked about and the choice (none when null).</summary>
    private static Dictionary<string, string> Answer(FormClient form, Dictionary<string, string> fields, string? choice)
    {
        var answer = new Dictionary<string, string>(fields)
        {
            ["EmailCheck.AskedAbout"] = form.Page.QuerySelector<IHtmlInputElement>("input[name='EmailCheck.AskedAbout']")!.Value,
        };
        if (choice is not null)
        {
            answer["EmailCheck.Choice"] = choice;
        }
        return answer;
    }

    private async Task<(FormClient Form, Dictionary<string, string> Contact)> AtContactAsync(string email)
    {
        var form = new FormClient(portal.App.CreateClient());
        await FamilyAssistantJourneyTests.StartAsync(form);
        await form.PostAsync(FamilyAssistantAnswers.AboutYou());
        var contact = FamilyAssistantAnswers.Contact();
        contact["Answers.Email"] = email;
        return (form, contact);
    }

    /// <summary>Goes to the page of a journey that asks for an e-mail address; its answers, with <paramref name="email"/>.</summary>
    private static async Task<Dictionary<string, string>> AtEmailStepAsync(FormClient form, string start, string email)
    {
        await form.GetAsync(start);
        Dictionary<string, string> fields;
        switch (start)
        {
            case "/apply/za-zyciem-support":
                await form.PostAsync([]);
                await form.PostAsync(new Dictionary<string, string>(FamilyAssistantAnswers.AboutYou()) { ["Answers.Role"] = "Pregnant" });
                fields = FamilyAssistantAnswers.Contact();
                break;
            case "/apply/za-zyciem-benefit":
                await form.PostAsync([]);
                fields = new()
                {
                    ["Answers.Role"] = "Mother",
                    ["Answers.FirstName"] = "Maria",
                    ["Answers.LastName"] = "Kowal",
                    ["Answers.Pesel"] = "90032712341",
                };
                break;
            case "/refer":
                await form.PostAsync([]);
                fields = new()
                {
                    ["Answers.Type"] = "School",
                    ["Answers.Name"] = "Szkoła Podstawowa nr 2",
                    ["Answers.ContactPerson"] = "Jan Nowak",
                    ["Answers.ContactRole"] = "pedagog",
                    ["Answers.Phone"] = "",
                };
                break;
            default:
                fields = new()
                {
                    ["SubmissionKey"] = form.Page.QuerySelector<IHtmlInputElement>("input[name=SubmissionKey]")!.Value,
                    ["Answers.FirstName"] = "Jerzy",
                    ["Answers.LastName"] = "Nowicki",
                    ["Answers.ReplyBy"] = "Email",
                    ["Answers.Phone"] = "",
                    ["Answers.PostalAddress"] = "",
                    ["Answers.Page"] = "/za-zyciem",
                    ["Answers.Problem"] = "Czytnik ekranu nie czyta tabeli.",
                };
                break;
        }
        fields["Answers.Email"] = email;
        return fields;
    }
}
