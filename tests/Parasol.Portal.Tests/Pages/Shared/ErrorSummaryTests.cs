using Parasol.Portal.Tests.Pages.Apply;
using Parasol.Testing;

namespace Parasol.Portal.Tests.Pages.Shared;

/// <summary>The error summary lists every problem in the order of the fields on the page, as the family reads it.</summary>
public sealed class ErrorSummaryTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task About_you_lists_first_name_surname_and_pesel_in_that_order()
    {
        var form = new FormClient(portal.App.CreateClient());
        await FamilyAssistantJourneyTests.StartAsync(form);

        await form.PostAsync([new("Answers.Role", "Parent"), new("Answers.FirstName", ""), new("Answers.LastName", ""), new("Answers.Pesel", "123")]);

        Assert.Equal(["#Answers-FirstName", "#Answers-LastName", "#Answers-Pesel"], form.Errors().Select(e => e.Target));
        AssertInPageOrder(form);
    }

    [Theory]
    [InlineData("", "Błąd: ")]
    [InlineData("?culture=uk", "Помилка: ")]
    public async Task A_step_sent_back_with_mistakes_says_so_first_in_its_title_and_a_fresh_step_does_not(string culture, string prefix)
    {
        var form = new FormClient(portal.App.CreateClient());
        await FamilyAssistantJourneyTests.StartAsync(form);
        var fresh = form.Page.Title!;

        await form.PostAsync([new("Answers.Role", "Parent")], culture);

        Assert.False(fresh.StartsWith("Błąd", StringComparison.Ordinal), fresh);
        Assert.StartsWith(prefix, form.Page.Title, StringComparison.Ordinal);
        Assert.NotEmpty(form.Errors());
    }

    [Fact]
    public async Task The_contact_step_follows_the_page()
    {
        var form = new FormClient(portal.App.CreateClient());
        await FamilyAssistantJourneyTests.StartAsync(form);
        await form.PostAsync(FamilyAssistantAnswers.AboutYou());

        await form.PostAsync([new("Answers.Phone", "12"), new("Answers.Email", "nie-email")]);

        Assert.True(form.Errors().Count > 3);
        AssertInPageOrder(form);
    }

    [Fact]
    public async Task The_status_look_up_follows_the_page()
    {
        var form = new FormClient(portal.App.CreateClient());
        await form.GetAsync("/status");

        await form.PostAsync([new("CaseNumber", ""), new("AccessCode", "")]);

        Assert.Equal(["#CaseNumber", "#AccessCode"], form.Errors().Select(e => e.Target));
    }

    [Fact]
    public async Task The_referral_steps_follow_the_page()
    {
        var form = new FormClient(portal.App.CreateClient());
        await form.GetAsync("/refer");
        await form.PostAsync([]);

        await form.PostAsync([]);

        Assert.True(form.Errors().Count > 3);
        AssertInPageOrder(form);
    }

    /// <summary>Each link's field comes after the previous link's field in the page.</summary>
    private static void AssertInPageOrder(FormClient form)
    {
        var elements = form.Page.All.ToList();
        var positions = form.Errors().Select(e => elements.IndexOf(form.Page.GetElementById(e.Target[1..])!)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
    }
}
