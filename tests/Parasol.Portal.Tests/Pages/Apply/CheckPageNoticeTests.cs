using Parasol.Testing;

namespace Parasol.Portal.Tests.Pages.Apply;

/// <summary>The short data notice and the send button of each journey's check page name its office, its act and what it sends.</summary>
public sealed class CheckPageNoticeTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    public static TheoryData<string, string, string, string> Journeys => new()
    {
        { "/apply/family-assistant", "Twoich danych ", "ustawą z 9 czerwca 2011 r. o wspieraniu rodziny i systemie pieczy zastępczej", "Wyślij wniosek" },
        { "/apply/za-zyciem-support", "Twoich danych ", "ustawą z 4 listopada 2016 r. o wsparciu kobiet w ciąży i rodzin „Za życiem”", "Wyślij wniosek" },
        { "/apply/za-zyciem-benefit", "Twoich danych ", "ustawą z 4 listopada 2016 r. o wsparciu kobiet w ciąży i rodzin „Za życiem”", "Wyślij wniosek" },
        { "/refer", "danych ", "rozpatrzyć Twoje zgłoszenie i wesprzeć rodzinę, zgodnie z ustawą z 9 czerwca 2011 r.", "Wyślij zgłoszenie" },
    };

    [Theory]
    [MemberData(nameof(Journeys))]
    public async Task The_check_page_names_the_office_the_act_and_what_is_sent(string start, string whose, string act, string send)
    {
        var form = new FormClient(portal.App.CreateClient());
        await form.GetAsync(start);
        await form.PostAsync([]);
        var firstStep = form.Location!.AbsolutePath;

        await form.GetAsync(firstStep[..(firstStep.LastIndexOf('/') + 1)] + "check");

        var notice = form.Page.Text(".data-notice");
        Assert.StartsWith($"Administratorem {whose}jest Miejski Ośrodek Pomocy Społecznej w Lipowcu.", notice, StringComparison.Ordinal);
        Assert.Contains(act, notice, StringComparison.Ordinal);
        Assert.Equal(send, form.Page.Text("main form .button"));
    }
}
