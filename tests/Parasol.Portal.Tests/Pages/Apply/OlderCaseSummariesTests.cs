using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parasol.Core.Cases;
using Parasol.Portal.Pages.Apply;
using Parasol.Testing;

namespace Parasol.Portal.Tests.Pages.Apply;

/// <summary>A case stored before the read-back was kept gets the very read-back a submit writes today, from its answers.</summary>
public sealed class OlderCaseSummariesTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task An_older_case_gets_the_read_back_its_check_page_would_have_stored_and_a_second_run_changes_nothing()
    {
        var form = new FormClient(portal.App.CreateClient());
        await FamilyAssistantJourneyTests.CompleteUpToCheckAsync(form);
        await form.PostAsync([new("Consent", "true")]);
        var number = form.Page.Text(".case-number");
        await using var db = portal.App.Database.CreateDbContext();
        var sent = await db.Cases.AsNoTracking().SingleAsync(c => c.Number == number);
        var older = await TestCases.SubmitAsync(portal.App.Services, c => c.AnswersJson = sent.AnswersJson);
        var unknown = await TestCases.SubmitAsync(portal.App.Services, c => c.AnswersJson = """{"aboutYou":"not what the journey stores"}""");

        var first = await FillAsync();
        var second = await FillAsync();

        Assert.True(first >= 1, $"{first} filled");
        Assert.Equal(0, second);
        var stored = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == older.Id);
        Assert.Equal(AnswerSummary.FromJson(sent.AnswerSummaryJson)!.ToJson(), AnswerSummary.FromJson(stored.AnswerSummaryJson)!.ToJson());
        Assert.Equal("Kto prosi", AnswerSummary.FromJson(stored.AnswerSummaryJson)!.In("pl")[0].Rows[0].Label);
        // Answers no journey reads back stay without one: the back office reads them from their JSON.
        Assert.Null((await db.Cases.AsNoTracking().SingleAsync(c => c.Id == unknown.Id)).AnswerSummaryJson);
    }

    private async Task<int> FillAsync()
    {
        await using var scope = portal.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OlderCaseSummaries>().FillAsync();
    }
}
