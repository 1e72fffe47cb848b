using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Parasol.Core.Cases;
using Parasol.Testing;

namespace Parasol.Portal.Tests.Pages.Apply;

public sealed class FamilyAssistantJourneyTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n"u8, .. new byte[3000], .. "\n%%EOF\n"u8];

    [Fact]
    public async Task A_family_goes_from_the_start_page_to_a_receipt_and_then_sees_its_case_on_the_status_page()
    {
        var form = new FormClient(portal.App.CreateClient());
        var id = await StartAsync(form);
        Assert.Equal("Krok 1 z 5", form.Page.Text(".step-progress"));
        Assert.Equal("/apply/family-assistant", form.Page.QuerySelector(".back-link")!.GetAttribute("href"));

        await form.PostAsync(FamilyAssistantAnswers.AboutYou());
        Assert.Equal($"/apply/family-assistant/{id}/contact", form.Location!.AbsolutePath);
        Assert.Equal("Krok 2 z 5", form.Page.Text(".step-progress"));
        await form.PostAsync(FamilyAssistantAnswers.Contact());
        await form.PostAsync(FamilyAssistantAnswers.Household());
        await form.PostAsync(FamilyAssistantAnswers.Situation());
        Assert.Equal($"/apply/family-assistant/{id}/documents", form.Location!.AbsolutePath);
        await form.UploadAsync("opinia ze szkoły.pdf", Pdf, "?handler=Upload");
        Assert.Contains("opinia ze szkoły.pdf", form.Page.Text(".file-list"), StringComparison.Ordinal);
        await form.PostAsync([], "?handler=Continue");

        Assert.Equal($"/apply/family-assistant/{id}/check", form.Location!.AbsolutePath);
        var summary = form.Page.Text("main");
        Assert.Contains("Anna Wójcik", summary, StringComparison.Ordinal);
        Assert.Contains("3 Maja 36/4, 44-230 Lipowiec", summary, StringComparison.Ordinal);
        Assert.Contains("Zosia", summary, StringComparison.Ordinal);
        Assert.Contains("Opieka nad dziećmi i ich wychowanie", summary, StringComparison.Ordinal);

        await form.PostAsync([new("Consent", "true")]);

        Assert.StartsWith("/apply/receipt/", form.Location!.AbsolutePath, StringComparison.Ordinal);
        var number = form.Page.Text(".case-number");
        var code = form.Page.Text(".access-code");
        Assert.Matches(@"^OPS\.4010\.\d+\.20\d\d$", number);
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$", code);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(Pdf)), form.Page.Text(".attachments-table"), StringComparison.Ordinal);
        Assert.Contains("Anna Wójcik", form.Page.Text("main"), StringComparison.Ordinal);
        var receiptText = form.Page.Text("main");
        // The receipt carries the PESEL and the access code: no copy in the browser's cache or a proxy's.
        Assert.True(form.Last!.Headers.CacheControl?.NoStore, "the receipt page is not marked no-store");

        await using (var db = portal.App.Database.CreateDbContext())
        {
            var stored = await db.Cases.Include(c => c.People).Include(c => c.Events).Include(c => c.Attachments).SingleAsync(c => c.Number == number);
            Assert.Equal(CaseType.AssistantRequest, stored.Type);
            Assert.Equal("44-230", stored.FamilyAddress!.PostalCode);
            Assert.Equal(["Anna", "Zosia"], stored.People.OrderBy(p => p.Position).Select(p => p.FirstName));
            Assert.Single(stored.Events, e => e.Kind == CaseEventKind.Received);
            Assert.Single(stored.Attachments);
            Assert.False(await db.JourneyStates.AnyAsync(s => s.Id == id));
            // The date the family is given is the interview deadline staff see in the queue.
            var due = stored.InterviewDueOn!.Value.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("pl-PL"));
            Assert.Contains($"Najpóźniej do {due}.", receiptText, StringComparison.Ordinal);
        }

        var status = new FormClient(portal.App.CreateClient());
        await status.GetAsync("/status");
        await status.PostAsync([new("CaseNumber", number.ToLowerInvariant()), new("AccessCode", code.Replace("-", "", StringComparison.Ordinal))]);
        Assert.Equal("/status/case", status.Location!.AbsolutePath);
        Assert.Contains(number, status.Page.Text("h1"), StringComparison.Ordinal);
        Assert.Equal("Przyjęta: czeka na przekazanie pracownikowi socjalnemu", status.Page.Text(".status-stage"));
    }

    [Fact]
    public async Task A_family_writing_in_english_sends_its_check_page_for_staff_in_polish_without_the_empty_answers()
    {
        const string hostile = "<script>alert(1)</script> \u202Ekaj";
        var form = new FormClient(portal.App.CreateClient());
        await form.GetAsync("/preferences/language?culture=en&returnUrl=/family-assistant");
        await StartAsync(form);
        await form.PostAsync(FamilyAssistantAnswers.AboutYou());
        await form.PostAsync(FamilyAssistantAnswers.Contact());
        await form.PostAsync(FamilyAssistantAnswers.Household());
        await form.PostAsync([.. FamilyAssistantAnswers.Situation().Where(f => f.Key != "Answers.Difficulties"), new("Answers.Difficulties", hostile)]);
        await form.PostAsync([], "?handler=Continue");
        Assert.Equal("Check your answers before sending", form.Page.Text("h1"));

        await form.PostAsync([new("Consent", "true")]);

        var number = form.Page.Text(".case-number");
        await using var db = portal.App.Database.CreateDbContext();
        var stored = await db.Cases.AsNoTracking().SingleAsync(c => c.Number == number);
        var summary = AnswerSummary.FromJson(stored.AnswerSummaryJson)!;
        var polish = summary.In("pl");
        Assert.Equal(["O Tobie", "Adres i kontakt", "Twoje gospodarstwo domowe", "Twoja sytuacja"], polish.Select(s => s.Title));
        string Value(string label) => string.Concat(polish.SelectMany(s => s.Rows).Single(r => r.Label == label).Value.Select(p => p.Text));
        Assert.Equal("Rodzic", Value("Kto prosi"));
        Assert.Equal("Mailowo", Value("Jak mamy się z Tobą kontaktować?"));
        Assert.Equal("Opieka nad dziećmi i ich wychowanie; Sprawy szkolne", Value("W czym potrzebujesz pomocy?"));
        Assert.Equal("Nie", Value("Czy wcześniej korzystałaś lub korzystałeś z pomocy ośrodka albo innych instytucji?"));
        // Left empty by the family (no date of birth beside a PESEL, no other household members): not read out at all.
        Assert.DoesNotContain(polish.SelectMany(s => s.Rows), r => r.Label is "Data urodzenia" or "Inne osoby w gospodarstwie domowym");
        var address = polish.SelectMany(s => s.Rows).Single(r => r.Label == "Adres").Value;
        Assert.Equal(["3 Maja", "36", "4", "44-230", "Lipowiec"], address.Where(p => p.Typed).Select(p => p.Text));
        Assert.Equal([new AnswerPiece(hostile, Typed: true)], polish.SelectMany(s => s.Rows).Single(r => r.Label == "Co jest teraz trudne dla Twojej rodziny?").Value);
        Assert.Equal("About you", summary.In("en")[0].Title);
        Assert.Equal(["en", "pl", "uk"], summary.ByLanguage.Keys.Order());
    }

    [Fact]
    public async Task Every_label_of_the_check_page_is_in_polish()
    {
        var form = new FormClient(portal.App.CreateClient());
        await CompleteUpToCheckAsync(form);

        var labels = form.Page.QuerySelectorAll(".summary-key").Select(k => k.TextContent.Trim()).ToList();

        Assert.Contains("Inne osoby w gospodarstwie domowym", labels);
        Assert.DoesNotContain("Other people in the household", labels);
    }

    [Fact]
    public async Task Sending_the_same_answers_twice_makes_one_case_and_both_lead_to_its_receipt()
    {
        var form = new FormClient(portal.App.CreateClient());
        var id = await CompleteUpToCheckAsync(form);

        await form.PostAsync([new("Consent", "true")]);
        var first = form.Location!.AbsolutePath;
        await form.GetAsync("/status"); // any page of the site gives a fresh antiforgery token for the repeated post
        await form.PostAsync([new("Consent", "true")], $"/apply/family-assistant/{id}/check");

        Assert.Equal(first, form.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, form.Last!.StatusCode);
        await using var db = portal.App.Database.CreateDbContext();
        Assert.Equal(1, await db.Cases.CountAsync(c => c.SubmissionKey == id));
    }

    [Fact]
    public async Task The_receipt_is_not_shown_to_another_browser()
    {
        var form = new FormClient(portal.App.CreateClient());
        await CompleteUpToCheckAsync(form);
        await form.PostAsync([new("Consent", "true")]);
        var receipt = form.Location!.AbsolutePath;

        var stranger = new FormClient(portal.App.CreateClient());
        await stranger.GetAsync(receipt);

        Assert.Equal(HttpStatusCode.NotFound, stranger.Last!.StatusCode);
        Assert.Null(stranger.Page.QuerySelector(".case-number"));
        Assert.DoesNotContain("Wójcik", stranger.Page.Text("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_access_code_is_on_the_first_view_of_the_receipt_only_and_later_views_say_where_to_find_it()
    {
        var form = new FormClient(portal.App.CreateClient());
        await CompleteUpToCheckAsync(form);
        await form.PostAsync([new("Consent", "true")]);
        var receipt = form.Location!.AbsolutePath;
        var (number, code) = (form.Page.Text(".case-number"), form.Page.Text(".access-code"));
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$", code);
        Assert.Contains("Kod dostępu pokazujemy tylko ten jeden raz", form.Page.Text(".warning-text"), StringComparison.Ordinal);
        var firstViewCookies = form.Last!.RequestMessage!.Headers.GetValues("Cookie").ToList();

        await form.GetAsync(receipt); // a reload, or the next person at this browser

        Assert.Equal(HttpStatusCode.OK, form.Last!.StatusCode);
        Assert.Equal(number, form.Page.Text(".case-number"));
        Assert.Null(form.Page.QuerySelector(".access-code"));
        Assert.DoesNotContain(code, form.Page.Text("body"), StringComparison.Ordinal);
        var gone = form.Page.Text(".access-code-gone");
        Assert.Contains("Jest w potwierdzeniu, które wysłaliśmy na Twój adres e-mail.", gone, StringComparison.Ordinal);
        await using (var db = portal.App.Database.CreateDbContext())
        {
            var office = await db.OfficeProfiles.SingleAsync();
            Assert.Contains(office.Phones[0], gone, StringComparison.Ordinal);
            Assert.Contains(office.Email, gone, StringComparison.Ordinal);
        }

        // A copy of the cookies the first view was opened with does not bring the code back: the server remembers.
        using var copy = portal.App.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, receipt);
        request.Headers.Add("Cookie", firstViewCookies);
        var replayed = await Html.ParseAsync(await copy.SendAsync(request));
        Assert.Equal(number, replayed.Text(".case-number"));
        Assert.DoesNotContain(code, replayed.Text("body"), StringComparison.Ordinal);

        // The code the family wrote down still opens the case.
        var status = new FormClient(portal.App.CreateClient());
        await status.GetAsync("/status");
        await status.PostAsync([new("CaseNumber", number), new("AccessCode", code)]);
        Assert.Equal("/status/case", status.Location!.AbsolutePath);
    }

    [Fact]
    public async Task A_change_link_returns_to_check_your_answers_with_the_new_answer()
    {
        var form = new FormClient(portal.App.CreateClient());
        var id = await CompleteUpToCheckAsync(form);
        var change = form.Page.QuerySelectorAll(".summary-actions a").First(a => a.GetAttribute("href")!.Contains("/contact", StringComparison.Ordinal));

        await form.GetAsync(change.GetAttribute("href")!);
        var contact = FamilyAssistantAnswers.Contact();
        contact["Answers.City"] = "Nowy Lipowiec";
        await form.PostAsync(contact);

        Assert.Equal($"/apply/family-assistant/{id}/check", form.Location!.AbsolutePath);
        Assert.Contains("44-230 Nowy Lipowiec", form.Page.Text("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answers_survive_a_restart_of_the_app()
    {
        // The same browser (its cookies tie the journey to it) before and after the restart.
        var cookies = new System.Net.CookieContainer();
        var form = new FormClient(portal.App.CreateDefaultClient(new RedirectHandler(), new CookieContainerHandler(cookies)));
        var id = await StartAsync(form);
        await form.PostAsync(FamilyAssistantAnswers.AboutYou());

        await using var restarted = new ParasolAppFactory<SharedResource>(portal.App.Database);
        var again = new FormClient(restarted.CreateDefaultClient(new RedirectHandler(), new CookieContainerHandler(cookies)));
        await again.GetAsync($"/apply/family-assistant/{id}/about-you");

        Assert.Equal("Anna", again.Value("Answers-FirstName"));
        Assert.Equal("90032712341", again.Value("Answers-Pesel"));
    }

    [Fact]
    public async Task A_journey_address_this_browser_did_not_start_tells_nothing_about_it()
    {
        // A journey sent, one still open, one never started: a stranger gets the same "page not found" for each, so an
        // address tried or found cannot tell whether a family applied (nor lead to their case).
        var sentBy = new FormClient(portal.App.CreateClient());
        var sent = await CompleteUpToCheckAsync(sentBy);
        await sentBy.PostAsync([new("Consent", "true")]);
        var openBy = new FormClient(portal.App.CreateClient());
        var open = await StartAsync(openBy);
        var stranger = new FormClient(portal.App.CreateClient());
        await stranger.GetAsync("/apply/family-assistant");

        var answers = new List<(HttpStatusCode, string?)>();
        foreach (var id in new[] { sent, open, Guid.NewGuid() })
        {
            var response = await stranger.Http.GetAsync(new Uri($"/apply/family-assistant/{id}/check", UriKind.Relative));
            answers.Add((response.StatusCode, response.Headers.Location?.ToString()));
        }

        Assert.All(answers, a => Assert.Equal((HttpStatusCode.NotFound, (string?)null), a));
    }

    [Fact]
    public async Task No_url_of_the_journey_carries_what_the_family_typed()
    {
        var form = new FormClient(portal.App.CreateClient());
        var visited = new List<string>();
        await StartAsync(form);
        visited.Add(form.Location!.ToString());
        foreach (var step in new[] { FamilyAssistantAnswers.AboutYou(), FamilyAssistantAnswers.Contact(), FamilyAssistantAnswers.Household() })
        {
            await form.PostAsync(step);
            visited.Add(form.Location!.ToString());
        }

        Assert.All(visited, url => Assert.Matches(@"^http://localhost/apply/family-assistant/[0-9a-f-]{36}/[a-z-]+$", url));
    }

    internal static async Task<Guid> StartAsync(FormClient form)
    {
        await form.GetAsync("/apply/family-assistant");
        await form.PostAsync([]);
        return Guid.Parse(form.Location!.AbsolutePath.Split('/')[3]);
    }

    internal static async Task<Guid> CompleteUpToCheckAsync(FormClient form)
    {
        var id = await StartAsync(form);
        await form.PostAsync(FamilyAssistantAnswers.AboutYou());
        await form.PostAsync(FamilyAssistantAnswers.Contact());
        await form.PostAsync(FamilyAssistantAnswers.Household());
        await form.PostAsync(FamilyAssistantAnswers.Situation());
        await form.PostAsync([], "?handler=Continue");
        return id;
    }
}
