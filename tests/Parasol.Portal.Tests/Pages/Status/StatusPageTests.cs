using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Parasol.Portal.Tests.Pages.Apply;
using Parasol.Testing;

namespace Parasol.Portal.Tests.Pages.Status;

public sealed class StatusPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_wrong_code_and_an_unknown_number_get_the_same_answer_and_attempts_are_limited()
    {
        await using var app = new ParasolAppFactory<SharedResource>(portal.App.Database);
        app.Settings["Status:AttemptsPerWindow"] = "4";
        var (number, _) = await SubmitAsync(app);
        var form = new FormClient(app.CreateClient());
        await form.GetAsync("/status");

        await form.PostAsync([new("CaseNumber", number), new("AccessCode", "AAAA-BBBB-CCCC")]);
        var wrongCode = form.Errors();
        var wrongCodeStatus = form.Last!.StatusCode;
        await form.PostAsync([new("CaseNumber", "OPS.4010.9999.2026"), new("AccessCode", "AAAA-BBBB-CCCC")]);

        Assert.Equal(wrongCode, form.Errors());
        Assert.Equal(wrongCodeStatus, form.Last!.StatusCode);
        Assert.Equal([("#CaseNumber", "Numer sprawy i kod dostępu nie pasują do siebie. Sprawdź oba i spróbuj ponownie.")], wrongCode);
        Assert.Equal("", form.Value("AccessCode"));

        await form.PostAsync([new("CaseNumber", number), new("AccessCode", "AAAA-BBBB-CCCD")]);
        await form.PostAsync([new("CaseNumber", number), new("AccessCode", "AAAA-BBBB-CCCE")]);
        await form.PostAsync([new("CaseNumber", number), new("AccessCode", "AAAA-BBBB-CCCF")]);

        Assert.Equal(HttpStatusCode.TooManyRequests, form.Last!.StatusCode);
        Assert.Contains("Zbyt wiele prób", form.Errors()[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pl", "Nie masz kodu dostępu?")]
    [InlineData("uk", "Загубили код доступу?")]
    public async Task The_status_page_tells_a_family_without_its_code_how_to_get_a_new_one(string language, string heading)
    {
        var office = await portal.App.Services.GetRequiredService<Parasol.Core.Offices.OfficeProfileService>().GetAsync();

        var page = await Html.ParseAsync(await portal.App.CreateClient().GetAsync(new Uri($"/status?culture={language}", UriKind.Relative)));

        Assert.Equal(heading, page.Text("#lost-code"));
        var links = page.QuerySelectorAll("#lost-code ~ p a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"mailto:{office.Email}", links);
        Assert.Contains($"tel:{office.Phones[0].Replace(" ", "", StringComparison.Ordinal)}", links);
    }

    [Fact]
    public async Task Without_a_correct_code_the_case_page_leads_back_to_the_form()
    {
        var form = new FormClient(portal.App.CreateClient());

        await form.GetAsync("/status/case");

        Assert.Equal("/status", form.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Closing_the_case_view_forgets_the_case()
    {
        var (number, code) = await SubmitAsync(portal.App);
        var form = new FormClient(portal.App.CreateClient());
        await form.GetAsync("/status");
        await form.PostAsync([new("CaseNumber", number), new("AccessCode", code)]);
        Assert.Equal("/status/case", form.Location!.AbsolutePath);

        await form.PostAsync([], "?handler=SignOut");
        await form.GetAsync("/status/case");

        Assert.Equal("/status", form.Location!.AbsolutePath);
    }

    internal static async Task<(string Number, string Code)> SubmitAsync(ParasolAppFactory<SharedResource> app)
    {
        var form = new FormClient(app.CreateClient());
        await FamilyAssistantJourneyTests.CompleteUpToCheckAsync(form);
        await form.PostAsync([new("Consent", "true")]);
        return (form.Page.Text(".case-number"), form.Page.Text(".access-code"));
    }
}
