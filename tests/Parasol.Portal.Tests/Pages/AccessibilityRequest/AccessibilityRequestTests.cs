using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Parasol.Core.Cases;
using Parasol.Core.Time;
using Parasol.Portal.Tests.Pages.Apply;
using Parasol.Testing;

namespace Parasol.Portal.Tests.Pages.AccessibilityRequest;

/// <summary>The art. 18 request of the digital accessibility act, sent from the accessibility statement.</summary>
public sealed class AccessibilityRequestTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static Dictionary<string, string> Request() => new()
    {
        ["Answers.FirstName"] = "Jerzy",
        ["Answers.LastName"] = "Nowicki",
        ["Answers.ReplyBy"] = "Email",
        ["Answers.Email"] = "jerzy@example.com",
        ["Answers.Phone"] = "",
        ["Answers.PostalAddress"] = "",
        ["Answers.Page"] = "Formularz wniosku o świadczenie (PDF)",
        ["Answers.Problem"] = "Czytnik ekranu nie odczytuje pól formularza.",
        ["Answers.Alternative"] = "Wersja w dużym druku",
    };

    /// <summary>Each text field's length limit: the message next to it, the rest of the form kept, nothing sent.</summary>
    [Theory]
    [InlineData("Answers.FirstName", 100)]
    [InlineData("Answers.LastName", 100)]
    [InlineData("Answers.PostalAddress", 300)]
    [InlineData("Answers.Page", 500)]
    [InlineData("Answers.Problem", 4000)]
    [InlineData("Answers.Alternative", 1000)]
    public async Task A_very_long_answer_is_refused_next_to_its_field_and_kept_for_correcting(string field, int max)
    {
        var form = new FormClient(portal.App.CreateClient());
        await form.GetAsync("/accessibility-request");
        var key = form.Page.QuerySelector("input[name=SubmissionKey]")!.GetAttribute("value")!;
        var answers = new Dictionary<string, string>(Request()) { ["SubmissionKey"] = key, ["Answers.ReplyBy"] = "Letter", ["Answers.PostalAddress"] = "ul. Polna 3, 44-230 Lipowiec" };
        var tooLong = string.Concat(Enumerable.Repeat("ż", max + 1));
        answers[field] = tooLong;

        await form.PostAsync(answers);

        var id = field.Replace('.', '-');
        Assert.Equal([($"#{id}", $"Użyj najwyżej {max} znaków")], form.Errors());
        Assert.Equal(tooLong, form.Value(id));
        var other = field == "Answers.Problem" ? "Answers.Page" : "Answers.Problem";
        Assert.Equal(answers[other], form.Value(other.Replace('.', '-')));
        await using var db = portal.App.Database.CreateDbContext();
        Assert.False(await db.Cases.AnyAsync(c => c.SubmissionKey == Guid.Parse(key)));
    }

    [Fact]
    public async Task The_statement_links_to_the_form_and_an_empty_form_says_what_is_missing_next_to_each_field()
    {
        var form = new FormClient(portal.App.CreateClient());
        await form.GetAsync("/accessibility");
        Assert.NotNull(form.Page.QuerySelector("main a[href='/accessibility-request']"));
        await form.GetAsync("/accessibility-request");

        await form.PostAsync([new("SubmissionKey", form.Page.QuerySelector("input[name=SubmissionKey]")!.GetAttribute("value")!), new("Answers.Page", "/kontakt")]);

        Assert.Equal(["#Answers-FirstName", "#Answers-LastName", "#Answers-Problem", "#Answers-ReplyBy"], form.Errors().Select(e => e.Target).Order());
        Assert.Equal("/kontakt", form.Value("Answers-Page"));
        Assert.NotNull(form.Page.QuerySelector("#Answers-Problem-error"));
    }

    [Theory]
    [InlineData("Letter", "Answers.PostalAddress", "#Answers-PostalAddress", "Wpisz adres, na który mamy napisać, bo wybrałaś lub wybrałeś odpowiedź listowną")]
    [InlineData("Email", "Answers.Email", "#Answers-Email", "Wpisz adres e-mail, bo wybrałaś lub wybrałeś kontakt mailowy")]
    public async Task The_chosen_way_of_replying_needs_its_address(string replyBy, string emptied, string target, string message)
    {
        var form = new FormClient(portal.App.CreateClient());
        await form.GetAsync("/accessibility-request");
        var fields = Request();
        fields["Answers.ReplyBy"] = replyBy;
        fields[emptied] = "";
        fields["SubmissionKey"] = form.Page.QuerySelector("input[name=SubmissionKey]")!.GetAttribute("value")!;

        await form.PostAsync(fields);

        Assert.Equal([(target, message)], form.Errors());
    }

    /// <summary>The rule of every journey holds here too: control characters go, line breaks and tabs stay.</summary>
    [Fact]
    public async Task Control_characters_are_removed_but_line_breaks_and_tabs_stay()
    {
        var form = new FormClient(portal.App.CreateClient());
        await form.GetAsync("/accessibility-request");
        var key = form.Page.QuerySelector("input[name=SubmissionKey]")!.GetAttribute("value")!;

        await form.PostAsync(new Dictionary<string, string>(Request())
        {
            ["SubmissionKey"] = key,
            ["Answers.FirstName"] = "Jerzy\u001B[31m\u0007\u0085",
            ["Answers.Problem"] = "Pierwsza linia\r\n\tdruga linia\u001B[2J",
        });

        Assert.StartsWith("/apply/receipt/", form.Location!.AbsolutePath, StringComparison.Ordinal);
        await using var db = portal.App.Database.CreateDbContext();
        var stored = await db.Cases.Include(c => c.People).SingleAsync(c => c.SubmissionKey == Guid.Parse(key));
        Assert.Equal("Jerzy[31m", Assert.Single(stored.People).FirstName);
        Assert.Contains("\"Jerzy[31m\"", stored.AnswersJson, StringComparison.Ordinal);
        Assert.Contains("\"Pierwsza linia\\r\\n\\tdruga linia[2J\"", stored.AnswersJson, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u001b", stored.AnswerSummaryJson, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_request_becomes_one_case_of_its_own_type_with_a_receipt_and_the_seven_day_deadline()
    {
        var form = new FormClient(portal.App.CreateClient());
        await form.GetAsync("/accessibility-request");
        var fields = Request();
        var key = form.Page.QuerySelector("input[name=SubmissionKey]")!.GetAttribute("value")!;
        fields["SubmissionKey"] = key;

        await form.PostAsync(fields);
        var receipt = form.Location!.AbsolutePath;
        await form.GetAsync("/accessibility-request");
        await form.PostAsync(fields); // a second click sends the same key
        Assert.Equal(receipt, form.Location!.AbsolutePath);

        var today = WarsawTime.Today(TimeProvider.System);
        Assert.Equal("Żądanie zapewnienia dostępności", form.Page.QuerySelectorAll(".receipt-facts .summary-value")[1].TextContent.Trim());
        Assert.Contains(today.AddDays(7).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("pl")), form.Page.Text("main"), StringComparison.Ordinal);
        Assert.Contains("Czytnik ekranu nie odczytuje pól formularza.", form.Page.Text("main"), StringComparison.Ordinal);
        await using var db = portal.App.Database.CreateDbContext();
        var stored = await db.Cases.Include(c => c.People).SingleAsync(c => c.SubmissionKey == Guid.Parse(key));
        Assert.Equal((CaseType.AccessibilityRequest, CaseStatus.Received, today.AddDays(7)), (stored.Type, stored.Status, stored.DecisionDueOn!.Value));
        Assert.StartsWith("OPS.0630.", stored.Number, StringComparison.Ordinal);
        Assert.Equal("jerzy@example.com", stored.ContactEmail);
        Assert.Equal("Nowicki", Assert.Single(stored.People).LastName);
    }

    [Fact]
    public async Task The_status_page_speaks_of_the_office_s_answer_and_its_deadline_not_of_a_social_worker()
    {
        var form = new FormClient(portal.App.CreateClient());
        await form.GetAsync("/accessibility-request");
        var fields = Request();
        fields["SubmissionKey"] = form.Page.QuerySelector("input[name=SubmissionKey]")!.GetAttribute("value")!;
        await form.PostAsync(fields);
        var (number, code) = (form.Page.Text(".case-number"), form.Page.Text(".access-code"));

        var status = new FormClient(portal.App.CreateClient());
        await status.GetAsync("/status");
        await status.PostAsync([new("CaseNumber", number), new("AccessCode", code)]);

        Assert.Equal("/status/case", status.Location!.AbsolutePath);
        var main = status.Page.Text("main");
        Assert.Equal("Przyjęte: ośrodek przygotowuje odpowiedź", status.Page.Text(".status-stage"));
        Assert.Contains("Odpowiemy w sposób, o który prosisz.", main, StringComparison.Ordinal);
        Assert.DoesNotContain("socjaln", main, StringComparison.Ordinal);
        var due = WarsawTime.Today(TimeProvider.System).AddDays(7).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("pl"));
        Assert.Contains(due, main, StringComparison.Ordinal);
    }
}
