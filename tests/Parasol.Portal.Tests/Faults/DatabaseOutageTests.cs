using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Parasol.Core.Cases;
using Parasol.Core.Outbox;
using Parasol.Portal.Tests.Pages.Apply;
using Parasol.Testing;

namespace Parasol.Portal.Tests.Faults;

/// <summary>PostgreSQL stops answering while a family is applying: a clear "try again", nothing typed is lost.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes it through IAsyncLifetime.")]
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private DatabaseOutage _outage = null!;
    private ParasolAppFactory<SharedResource> _portal = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _outage = new DatabaseOutage(_database);
        _portal = new ParasolAppFactory<SharedResource>(_database);
        _portal.Settings["ConnectionStrings:Default"] = _outage.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        await _outage.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_step_sent_while_the_database_is_away_comes_back_as_a_try_again_page_that_sends_the_same_answers()
    {
        var form = new FormClient(_portal.CreateClient());
        var id = await FamilyAssistantJourneyTests.StartAsync(form);
        var step = form.Location!.AbsolutePath;

        _outage.Cut();
        await form.PostAsync(FamilyAssistantAnswers.AboutYou());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, form.Last!.StatusCode);
        Assert.Equal("Nie udało się tego teraz zapisać", form.Page.Text("h1"));
        var retry = TryAgainForm(form.Page);
        Assert.Equal(step, retry.Action is { } a ? new Uri(a).AbsolutePath : null);
        var kept = HiddenFields(retry);
        Assert.Equal(FamilyAssistantAnswers.AboutYou().OrderBy(f => f.Key), kept.OrderBy(f => f.Key));

        _outage.Restore();
        await form.PostAsync(kept, step);

        Assert.Equal($"/apply/family-assistant/{id}/contact", form.Location!.AbsolutePath);
        await using var db = _database.CreateDbContext();
        var state = await db.JourneyStates.SingleAsync(s => s.Id == id);
        Assert.Contains("Wójcik", state.StateJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_submit_during_an_outage_is_stored_once_when_the_family_tries_again()
    {
        var form = new FormClient(_portal.CreateClient());
        var id = await FamilyAssistantJourneyTests.CompleteUpToCheckAsync(form);
        var check = form.Location!.AbsolutePath;

        _outage.Cut();
        await form.PostAsync([new("Consent", "true")]);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, form.Last!.StatusCode);
        Assert.Equal("30", form.Last.Headers.RetryAfter?.ToString());
        await using (var db = _database.CreateDbContext())
        {
            Assert.False(await db.Cases.AnyAsync(c => c.SubmissionKey == id));
        }

        _outage.Restore();
        await form.PostAsync(HiddenFields(TryAgainForm(form.Page)), check);

        Assert.StartsWith("/apply/receipt/", form.Location!.AbsolutePath, StringComparison.Ordinal);
        var number = form.Page.Text(".case-number");
        await using (var db = _database.CreateDbContext())
        {
            var stored = await db.Cases.Include(c => c.People).Include(c => c.Events).SingleAsync(c => c.SubmissionKey == id);
            Assert.Equal(number, stored.Number);
            Assert.Equal(["Anna", "Zosia"], stored.People.OrderBy(p => p.Position).Select(p => p.FirstName));
            Assert.Single(stored.Events, e => e.Kind == CaseEventKind.Received);
            Assert.True(await db.OutboxMessages.AnyAsync(m => m.CaseId == stored.Id && m.Kind == OutboxKind.RouteCase));
            Assert.False(await db.JourneyStates.AnyAsync(s => s.Id == id));
        }
    }

    [Fact]
    public async Task Opening_a_step_during_an_outage_offers_a_link_to_try_the_same_page_again()
    {
        var form = new FormClient(_portal.CreateClient());
        await FamilyAssistantJourneyTests.StartAsync(form);
        var step = form.Location!.PathAndQuery;

        _outage.Cut();
        await form.GetAsync(step);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, form.Last!.StatusCode);
        var link = form.Page.QuerySelector("main a.button")!;
        Assert.Equal("Spróbuj ponownie", link.TextContent.Trim());
        Assert.Equal(step, link.GetAttribute("href"));

        _outage.Restore();
        await form.GetAsync(step);
        Assert.Equal(HttpStatusCode.OK, form.Last!.StatusCode);
    }

    [Fact]
    public async Task A_portal_started_while_the_database_is_away_asks_visitors_to_try_again_and_recovers_when_it_is_back()
    {
        // Nothing read yet: no office profile to draw the pages with, and no data-protection key ring for the forms.
        _outage.Cut();
        var client = _portal.CreateClient();

        var seen = new List<string>();
        foreach (var path in new[] { "/", "/contact", "/cookies", "/apply/family-assistant", "/status", "/refer" })
        {
            var response = await client.GetAsync(path);
            var page = await Html.ParseAsync(response);
            seen.Add($"{path} {(int)response.StatusCode} {response.Headers.RetryAfter} {page.Text("h1")}");
        }

        Assert.All(seen, s => Assert.EndsWith(" 503 30 Serwis jest chwilowo niedostępny", s, StringComparison.Ordinal));

        _outage.Restore();
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        await using var db = _database.CreateDbContext();
        Assert.Equal((await db.OfficeProfiles.SingleAsync()).Name, (await Html.ParseAsync(home)).Text(".site-name"));
    }

    private static IHtmlFormElement TryAgainForm(IHtmlDocument page) =>
        page.QuerySelector("form.try-again") as IHtmlFormElement ?? throw new InvalidOperationException("No try-again form on the page.");

    private static List<KeyValuePair<string, string>> HiddenFields(IHtmlFormElement form) =>
        form.QuerySelectorAll("input[type=hidden]").Cast<IHtmlInputElement>()
            .Where(i => i.Name != "__RequestVerificationToken")
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)).ToList();
}
