using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Parasol.Testing;

namespace Parasol.Portal.Tests.Pages.Apply;

/// <summary>
/// The send went through but its answer never reached the browser (the network dropped, a proxy timed out): the case
/// exists, the browser holds no receipt. The family sends again, or opens the journey again, and must still learn its
/// case number and, once, its access code.
/// </summary>
public sealed class LostReceiptTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string CodePattern = "^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$";

    [Fact]
    public async Task A_family_whose_send_got_no_answer_sends_again_and_sees_its_case_number_and_access_code_once()
    {
        var (form, cookies) = Browser();
        var id = await FamilyAssistantJourneyTests.CompleteUpToCheckAsync(form);
        await SendAndLoseTheAnswerAsync(form, cookies, id);

        await form.PostAsync([new("Consent", "true")]); // "send" again, on the check page still on the screen

        Assert.StartsWith("/apply/receipt/", form.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, form.Last!.StatusCode);
        var (number, code) = (form.Page.Text(".case-number"), form.Page.Text(".access-code"));
        Assert.Equal(await NumberOfAsync(id), number);
        Assert.Matches(CodePattern, code);
        Assert.Contains("Kod dostępu pokazujemy tylko ten jeden raz", form.Page.Text(".warning-text"), StringComparison.Ordinal);

        await form.GetAsync(form.Location.AbsolutePath); // a reload: the code was shown once, as on a first answer
        Assert.Equal(number, form.Page.Text(".case-number"));
        Assert.Null(form.Page.QuerySelector(".access-code"));

        // The code shown is the case's own: it opens the status page.
        var status = new FormClient(portal.App.CreateClient());
        await status.GetAsync("/status");
        await status.PostAsync([new("CaseNumber", number), new("AccessCode", code)]);
        Assert.Equal("/status/case", status.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Opening_the_sent_journey_again_leads_to_its_receipt_with_the_code_and_later_to_the_receipt_without_it()
    {
        var (form, cookies) = Browser();
        var id = await FamilyAssistantJourneyTests.CompleteUpToCheckAsync(form);
        await SendAndLoseTheAnswerAsync(form, cookies, id);

        await form.GetAsync($"/apply/family-assistant/{id}/check"); // a reload of the check page, or the back button

        Assert.StartsWith("/apply/receipt/", form.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(await NumberOfAsync(id), form.Page.Text(".case-number"));
        var code = form.Page.Text(".access-code");
        Assert.Matches(CodePattern, code);

        // Once shown, neither another step of the journey nor another send shows it again.
        await form.GetAsync($"/apply/family-assistant/{id}/about-you");
        Assert.Equal(await NumberOfAsync(id), form.Page.Text(".case-number"));
        Assert.Null(form.Page.QuerySelector(".access-code"));
        await form.GetAsync("/status");
        await form.PostAsync([new("Consent", "true")], $"/apply/family-assistant/{id}/check");
        Assert.Equal(HttpStatusCode.OK, form.Last!.StatusCode);
        Assert.Equal(await NumberOfAsync(id), form.Page.Text(".case-number"));
        Assert.DoesNotContain(code, form.Page.Text("body"), StringComparison.Ordinal);
        Assert.Contains("Jest w potwierdzeniu, które wysłaliśmy na Twój adres e-mail.", form.Page.Text(".access-code-gone"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_browser_sending_with_the_journey_id_gets_nothing_and_does_not_use_up_the_code()
    {
        var (form, cookies) = Browser();
        var id = await FamilyAssistantJourneyTests.CompleteUpToCheckAsync(form);
        await SendAndLoseTheAnswerAsync(form, cookies, id);

        var stranger = new FormClient(portal.App.CreateClient());
        await stranger.GetAsync("/status");
        await stranger.PostAsync([new("Consent", "true")], $"/apply/family-assistant/{id}/check");

        Assert.Equal(HttpStatusCode.NotFound, stranger.Last!.StatusCode);
        Assert.Equal($"/apply/family-assistant/{id}/check", stranger.Location!.AbsolutePath);
        Assert.Null(stranger.Page.QuerySelector(".case-number"));
        Assert.DoesNotContain("Wójcik", stranger.Page.Text("body"), StringComparison.Ordinal);

        await form.PostAsync([new("Consent", "true")]);
        Assert.Matches(CodePattern, form.Page.Text(".access-code"));
    }

    [Fact]
    public async Task A_copy_of_the_browsers_cookies_sending_again_after_the_code_was_shown_gets_the_receipt_without_it()
    {
        var (form, cookies) = Browser();
        var id = await FamilyAssistantJourneyTests.CompleteUpToCheckAsync(form);
        await SendAndLoseTheAnswerAsync(form, cookies, id);
        var copied = cookies.GetCookieHeader(new Uri($"http://localhost/apply/family-assistant/{id}/check"));
        var token = Html.AntiforgeryToken(form.Page);
        await form.PostAsync([new("Consent", "true")]);
        var code = form.Page.Text(".access-code");
        Assert.Matches(CodePattern, code);

        // Another computer with this browser's cookies (or the same send replayed) follows the answer to the receipt.
        using var copy = portal.App.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false });
        using var send = new HttpRequestMessage(HttpMethod.Post, $"/apply/family-assistant/{id}/check")
        {
            Content = new FormUrlEncodedContent([new("Consent", "true"), new("__RequestVerificationToken", token)]),
        };
        send.Headers.Add("Cookie", copied);
        using var sent = await copy.SendAsync(send);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.True(sent.Headers.CacheControl?.NoStore, "the answer that sets the receipt's cookie is not marked no-store");
        using var open = new HttpRequestMessage(HttpMethod.Get, sent.Headers.Location);
        open.Headers.Add("Cookie", [.. sent.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])]);
        var receipt = await Html.ParseAsync(await copy.SendAsync(open));

        Assert.Equal(await NumberOfAsync(id), receipt.Text(".case-number"));
        Assert.Null(receipt.QuerySelector(".access-code"));
        Assert.DoesNotContain(code, receipt.Text("body"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_accessibility_request_whose_send_got_no_answer_shows_its_receipt_with_the_code_when_sent_again()
    {
        var (form, cookies) = Browser();
        await form.GetAsync("/accessibility-request");
        var key = form.Page.QuerySelector("input[name=SubmissionKey]")!.GetAttribute("value")!;
        Dictionary<string, string> fields = new()
        {
            ["SubmissionKey"] = key,
            ["Answers.FirstName"] = "Jerzy",
            ["Answers.LastName"] = "Nowicki",
            ["Answers.ReplyBy"] = "Letter",
            ["Answers.PostalAddress"] = "ul. Polna 3, 44-230 Lipowiec",
            ["Answers.Page"] = "Formularz wniosku o świadczenie (PDF)",
            ["Answers.Problem"] = "Czytnik ekranu nie odczytuje pól formularza.",
        };
        var page = new Uri("http://localhost/accessibility-request");
        using (var lost = portal.App.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false }))
        using (var request = new HttpRequestMessage(HttpMethod.Post, page)
        {
            Content = new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", Html.AntiforgeryToken(form.Page))]),
        })
        {
            request.Headers.Add("Cookie", cookies.GetCookieHeader(page));
            using var response = await lost.SendAsync(request);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        await form.PostAsync(fields); // "send" again, on the form still on the screen

        await using var db = portal.App.Database.CreateDbContext();
        Assert.Equal(await db.Cases.Where(c => c.SubmissionKey == Guid.Parse(key)).Select(c => c.Number).SingleAsync(), form.Page.Text(".case-number"));
        Assert.Matches(CodePattern, form.Page.Text(".access-code"));
    }

    /// <summary>A browser whose cookies the test can copy, as a second device or a replayed request would carry them.</summary>
    private (FormClient Form, CookieContainer Cookies) Browser()
    {
        var cookies = new CookieContainer();
        return (new FormClient(portal.App.CreateDefaultClient(new RedirectHandler(), new CookieContainerHandler(cookies))), cookies);
    }

    /// <summary>
    /// The family presses "send" on the check page; the Portal makes the case and answers, but the answer (with its
    /// receipt cookie) never reaches the browser.
    /// </summary>
    private async Task SendAndLoseTheAnswerAsync(FormClient form, CookieContainer cookies, Guid id)
    {
        var check = new Uri($"http://localhost/apply/family-assistant/{id}/check");
        using var lost = portal.App.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Post, check)
        {
            Content = new FormUrlEncodedContent([new("Consent", "true"), new("__RequestVerificationToken", Html.AntiforgeryToken(form.Page))]),
        };
        request.Headers.Add("Cookie", cookies.GetCookieHeader(check));
        using var response = await lost.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.NotNull(await NumberOfAsync(id));
    }

    private async Task<string?> NumberOfAsync(Guid journeyId)
    {
        await using var db = portal.App.Database.CreateDbContext();
        return await db.Cases.Where(c => c.SubmissionKey == journeyId).Select(c => c.Number).SingleOrDefaultAsync();
    }
}
