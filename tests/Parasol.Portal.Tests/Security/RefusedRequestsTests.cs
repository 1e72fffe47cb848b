using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Parasol.Portal.Tests.Pages.Apply;
using Parasol.Testing;

namespace Parasol.Portal.Tests.Security;

/// <summary>Requests the Portal must refuse: each gets a refusal a person can read, never a stack trace.</summary>
public sealed class RefusedRequestsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_post_without_an_antiforgery_token_is_refused_as_a_bad_request()
    {
        using var client = portal.App.CreateClient();
        await client.GetAsync(new Uri("/apply/family-assistant", UriKind.Relative));

        var response = await client.PostAsync(new Uri("/apply/family-assistant", UriKind.Relative), new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await NoStackTraceAsync(response, "Nie udało się wysłać strony");
    }

    [Fact]
    public async Task A_forged_antiforgery_cookie_is_refused_as_a_bad_request()
    {
        var form = new FormClient(portal.App.CreateClient(new() { HandleCookies = false }));
        var page = await form.Http.GetAsync(new Uri("/apply/family-assistant", UriKind.Relative));
        var token = Html.AntiforgeryToken(await Html.ParseAsync(page));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/apply/family-assistant", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]),
        };
        request.Headers.Add("Cookie", "parasol-csrf=CfDJ8Forged" + new string('A', 120));

        var response = await form.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await NoStackTraceAsync(response, "Nie udało się wysłać strony");
    }

    /// <summary>
    /// A browser can hold an antiforgery cookie the Portal cannot read any more (a database restored from a backup
    /// taken before its key, or a cookie of the same name from another site of the domain). The 400 page tells the
    /// family to reload the page and send it again: that must work, not refuse them for as long as the browser is open.
    /// </summary>
    [Fact]
    public async Task After_a_refusal_for_an_unreadable_antiforgery_cookie_reloading_the_page_lets_the_family_send_it()
    {
        var http = portal.App.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false });
        using var reload = new HttpRequestMessage(HttpMethod.Get, new Uri("/apply/family-assistant", UriKind.Relative));
        reload.Headers.Add("Cookie", "parasol-csrf=CfDJ8Unreadable" + new string('A', 120));

        var page = await http.SendAsync(reload);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var fresh = page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("parasol-csrf=", StringComparison.Ordinal));
        using var send = new HttpRequestMessage(HttpMethod.Post, new Uri("/apply/family-assistant", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", Html.AntiforgeryToken(await Html.ParseAsync(page)))]),
        };
        send.Headers.Add("Cookie", fresh);
        var sent = await http.SendAsync(send);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Matches("^/apply/family-assistant/[0-9a-f-]{36}/", sent.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_expired_journey_sends_the_visitor_to_the_start_with_an_explanation()
    {
        var form = new FormClient(portal.App.CreateClient());
        var id = await FamilyAssistantJourneyTests.StartAsync(form);
        await using (var db = portal.App.Database.CreateDbContext())
        {
            await db.JourneyStates.Where(s => s.Id == id).ExecuteDeleteAsync();
        }

        await form.PostAsync(FamilyAssistantAnswers.AboutYou());

        Assert.Equal("/apply/family-assistant", form.Location!.AbsolutePath);
        Assert.Equal("Twoje odpowiedzi nie są już dostępne", form.Page.Text(".notice-title"));
    }

    [Fact]
    public async Task Another_applicants_journey_address_is_not_found_and_their_answers_stay_private()
    {
        var owner = new FormClient(portal.App.CreateClient());
        var id = await FamilyAssistantJourneyTests.StartAsync(owner);
        await owner.PostAsync(FamilyAssistantAnswers.AboutYou());
        var stranger = new FormClient(portal.App.CreateClient());
        await stranger.GetAsync("/apply/family-assistant");

        var look = await stranger.Http.GetAsync(new Uri($"/apply/family-assistant/{id}/about-you", UriKind.Relative));
        var overwrite = await stranger.PostAsync(new Dictionary<string, string>(FamilyAssistantAnswers.AboutYou()) { ["Answers.FirstName"] = "Intruz" }, $"/apply/family-assistant/{id}/about-you");

        Assert.Equal(HttpStatusCode.NotFound, look.StatusCode);
        Assert.DoesNotContain("Wójcik", await look.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, stranger.Last!.StatusCode);
        await NoStackTraceAsync(look, "Nie znaleziono strony");
        await using var db = portal.App.Database.CreateDbContext();
        Assert.Contains("\"Anna\"", (await db.JourneyStates.AsNoTracking().SingleAsync(s => s.Id == id)).StateJson, StringComparison.Ordinal);
        await owner.GetAsync($"/apply/family-assistant/{id}/about-you");
        Assert.Equal("Anna", owner.Value("Answers-FirstName"));
    }

    [Fact]
    public async Task A_thousand_status_look_ups_in_a_minute_from_one_address_are_refused_after_the_tenth()
    {
        // The clock held inside one window: on the real clock a slow run could cross a quarter hour and get a new allowance.
        await using var app = new ParasolAppFactory<SharedResource>(portal.App.Database)
        {
            ConfigureTestServices = services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 1, 0, TimeSpan.Zero))),
        };
        var form = new FormClient(app.CreateClient());
        await form.GetAsync("/status");
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 1000; i++)
        {
            await form.PostAsync([new("CaseNumber", $"OPS.4010.{i + 1}.2026"), new("AccessCode", "AAAA-BBBB-CCCC")], "/status");
            statuses.Add(form.Last!.StatusCode);
        }

        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(990, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.All(statuses.Take(10), s => Assert.Equal(HttpStatusCode.OK, s));
        var minutes = RetryAfter.Minutes(form.Last!, TimeSpan.FromMinutes(15));
        Assert.Equal([("#CaseNumber", $"Zbyt wiele prób. Odczekaj {minutes} min i spróbuj ponownie.")], form.Errors());
    }

    /// <summary>
    /// The limits count in fixed windows (15 minutes from the quarter hour): a refusal says how long is left, in words
    /// and in <c>Retry-After</c>, not the whole window; the one that comes with it is let through again.
    /// </summary>
    [Fact]
    public async Task A_refused_look_up_says_how_long_is_left_in_the_window_and_is_let_through_when_it_ends()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 14, 30, TimeSpan.Zero));
        await using var app = new ParasolAppFactory<SharedResource>(portal.App.Database)
        {
            ConfigureTestServices = services => services.AddSingleton<TimeProvider>(time),
        };
        app.Settings["Status:AttemptsPerWindow"] = "2";
        var form = From(app, "203.0.113.40");
        await form.GetAsync("/status?culture=en");
        KeyValuePair<string, string>[] lookUp = [new("CaseNumber", "OPS.4010.1.2026"), new("AccessCode", "AAAA-BBBB-CCCC")];
        await form.PostAsync(lookUp);
        await form.PostAsync(lookUp);

        await form.PostAsync(lookUp);

        Assert.Equal(HttpStatusCode.TooManyRequests, form.Last!.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), form.Last.Headers.RetryAfter?.Delta);
        Assert.Equal([("#CaseNumber", "Too many attempts. Wait 1 minute and try again.")], form.Errors());
        Assert.Equal("OPS.4010.1.2026", form.Value("CaseNumber"));

        time.Advance(TimeSpan.FromSeconds(29));
        await form.PostAsync(lookUp);
        Assert.Equal(HttpStatusCode.TooManyRequests, form.Last!.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), form.Last.Headers.RetryAfter?.Delta);

        time.Advance(TimeSpan.FromSeconds(1));
        await form.PostAsync(lookUp);
        Assert.Equal(HttpStatusCode.OK, form.Last!.StatusCode);
        Assert.Equal([("#CaseNumber", "The case number and access code do not match. Check both and try again.")], form.Errors());
    }

    [Fact]
    public async Task Submits_past_the_limit_for_one_address_are_refused_with_the_answers_kept()
    {
        await using var app = new ParasolAppFactory<SharedResource>(portal.App.Database);
        app.Settings["Apply:SubmitLimit:PermitLimit"] = "2";
        app.Settings["Apply:SubmitLimit:WindowMinutes"] = "30";
        for (var i = 0; i < 2; i++)
        {
            var sent = new FormClient(app.CreateClient());
            await FamilyAssistantJourneyTests.CompleteUpToCheckAsync(sent);
            await sent.PostAsync([new("Consent", "true")]);
            Assert.StartsWith("/apply/receipt/", sent.Location!.AbsolutePath, StringComparison.Ordinal);
        }
        var form = new FormClient(app.CreateClient());
        var id = await FamilyAssistantJourneyTests.CompleteUpToCheckAsync(form);

        await form.PostAsync([new("Consent", "true")], "?culture=uk");

        var minutes = RetryAfter.Minutes(form.Last!, TimeSpan.FromMinutes(30));
        Assert.Equal([("#Consent", $"З вашого з’єднання надіслано забагато заяв. Ваші відповіді збережено: зачекайте {minutes} хв і надішліть ще раз.")], form.Errors());
        await using var db = portal.App.Database.CreateDbContext();
        Assert.True(await db.JourneyStates.AnyAsync(s => s.Id == id));
        Assert.False(await db.Cases.AnyAsync(c => c.SubmissionKey == id));
    }

    [Fact]
    public async Task Starts_past_the_limit_for_one_address_are_refused_create_no_journey_and_leave_the_started_ones_open()
    {
        await using var app = new ParasolAppFactory<SharedResource>(portal.App.Database);
        app.Settings["Apply:StartLimit:PermitLimit"] = "2";
        app.Settings["Apply:StartLimit:WindowMinutes"] = "30";
        var first = From(app, "203.0.113.20");
        var started = await FamilyAssistantJourneyTests.StartAsync(first);
        await FamilyAssistantJourneyTests.StartAsync(From(app, "203.0.113.20"));
        var form = From(app, "203.0.113.20");
        await form.GetAsync("/apply/family-assistant");
        await using var db = portal.App.Database.CreateDbContext();
        var journeysBefore = await db.JourneyStates.CountAsync();

        await form.PostAsync([]);

        var minutes = RetryAfter.Minutes(form.Last!, TimeSpan.FromMinutes(30));
        Assert.Equal("/apply/family-assistant", form.Location!.AbsolutePath);
        Assert.Equal("Nie możesz teraz rozpocząć nowego wniosku", form.Page.Text(".notice-title"));
        Assert.Equal($"Z Twojego połączenia rozpoczęto zbyt wiele wniosków. Wnioski już rozpoczęte są zapisane i możesz je dokończyć: aby rozpocząć nowy, poczekaj {minutes} min.",
            form.Page.Text(".notice p"));
        Assert.NotNull(form.Page.QuerySelector("button.button-start"));
        Assert.Equal(journeysBefore, await db.JourneyStates.CountAsync());
        await first.PostAsync(FamilyAssistantAnswers.AboutYou(), $"/apply/family-assistant/{started}/about-you");
        Assert.EndsWith("/contact", first.Location!.AbsolutePath, StringComparison.Ordinal);

        // Another address has its own allowance.
        var other = From(app, "203.0.113.21");
        await FamilyAssistantJourneyTests.StartAsync(other);
        Assert.Equal(HttpStatusCode.OK, other.Last!.StatusCode);
        Assert.Equal(journeysBefore + 1, await db.JourneyStates.CountAsync());
    }

    /// <summary>
    /// A browser at its own client address: the test server has no connection address, so the forwarded-headers
    /// middleware takes the one X-Forwarded-For names, as from a trusted proxy.
    /// </summary>
    [Fact]
    public async Task Accessibility_requests_past_the_submit_limit_are_refused_with_what_was_typed_kept_and_a_repeat_still_gets_its_receipt()
    {
        await using var app = new ParasolAppFactory<SharedResource>(portal.App.Database);
        app.Settings["Apply:SubmitLimit:PermitLimit"] = "1";
        app.Settings["Apply:SubmitLimit:WindowMinutes"] = "30";
        Dictionary<string, string> Request(FormClient form) => new()
        {
            ["SubmissionKey"] = form.Page.QuerySelector("input[name=SubmissionKey]")!.GetAttribute("value")!,
            ["Answers.FirstName"] = "Jerzy",
            ["Answers.LastName"] = "Nowicki",
            ["Answers.ReplyBy"] = "Letter",
            ["Answers.PostalAddress"] = "ul. Polna 3, 44-230 Lipowiec",
            ["Answers.Page"] = "/za-zyciem",
            ["Answers.Problem"] = "Filmy nie mają napisów.",
        };
        var first = From(app, "203.0.113.30");
        await first.GetAsync("/accessibility-request");
        var sent = Request(first);
        await first.PostAsync(sent);
        Assert.StartsWith("/apply/receipt/", first.Location!.AbsolutePath, StringComparison.Ordinal);
        var form = From(app, "203.0.113.30");
        await form.GetAsync("/accessibility-request");
        var refused = Request(form);

        await form.PostAsync(refused);

        var minutes = RetryAfter.Minutes(form.Last!, TimeSpan.FromMinutes(30));
        Assert.Equal([("#main", $"Z Twojego połączenia wysłano zbyt wiele zgłoszeń. To, co wpisałaś lub wpisałeś, jest poniżej: poczekaj {minutes} min i wyślij ponownie.")], form.Errors());
        Assert.Equal("Filmy nie mają napisów.", form.Value("Answers-Problem"));
        await using var db = portal.App.Database.CreateDbContext();
        Assert.False(await db.Cases.AnyAsync(c => c.SubmissionKey == Guid.Parse(refused["SubmissionKey"])));
        // The request already sent, sent again (its answer lost), is not refused: it leads to its receipt.
        var again = From(app, "203.0.113.30");
        await again.GetAsync("/accessibility-request");
        await again.PostAsync(sent);
        Assert.StartsWith("/apply/receipt/", again.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    internal static FormClient From(ParasolAppFactory<SharedResource> app, string address)
    {
        var http = app.CreateClient();
        http.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return new FormClient(http);
    }

    private static async Task NoStackTraceAsync(HttpResponseMessage response, string heading)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(heading, (await Html.ParseAsync(response)).Text("h1"));
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at Parasol.", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at Microsoft.", body, StringComparison.Ordinal);
    }
}
