using Parasol.Portal.Tests.Pages.Apply;
using Parasol.Testing;

namespace Parasol.Portal.Tests.Pages.Status;

/// <summary>The per-address limit counts only look-ups that could find a case. Its own database: attempts are counted there.</summary>
public sealed class StatusLookupLimitTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Empty_or_malformed_submits_are_answered_next_to_the_fields_and_do_not_count_towards_the_limit()
    {
        await using var app = new ParasolAppFactory<SharedResource>(portal.App.Database);
        app.Settings["Status:AttemptsPerWindow"] = "2";
        var (number, code) = await StatusPageTests.SubmitAsync(app);
        var form = new FormClient(app.CreateClient());
        await form.GetAsync("/status");

        await form.PostAsync([new("CaseNumber", ""), new("AccessCode", "")]);
        await form.PostAsync([new("CaseNumber", "4010/17"), new("AccessCode", "ABCD")]);
        Assert.Equal(
            [("#CaseNumber", "Wpisz numer sprawy tak, jak jest na potwierdzeniu, na przykład OPS.4010.17.2026"), ("#AccessCode", "Kod dostępu ma 12 liter i cyfr, na przykład ABCD-EFGH-JK23")],
            form.Errors());
        await form.PostAsync([new("CaseNumber", ""), new("AccessCode", "")]);
        await form.PostAsync([new("CaseNumber", number), new("AccessCode", "AAAA-BBBB-CCCC")]);
        await form.PostAsync([new("CaseNumber", number), new("AccessCode", code)]);

        Assert.Empty(form.Errors());
        Assert.Equal("/status/case", form.Location!.AbsolutePath);
    }
}
