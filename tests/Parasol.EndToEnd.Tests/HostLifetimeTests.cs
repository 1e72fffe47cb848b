using System.Net;
using Parasol.Testing;

namespace Parasol.EndToEnd.Tests;

/// <summary>
/// Both apps in one process, one stopping while another starts: what a test run does all the time, and what a host
/// restarted in place does. Hangfire keeps process-wide state built from one host's services.
/// </summary>
public sealed class HostLifetimeTests
{
    [Fact]
    public async Task A_portal_started_after_a_back_office_in_the_same_process_stopped_still_saves_what_a_family_sends()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var backOffice = new ParasolAppFactory<Parasol.BackOffice.SharedResource>(database))
        {
            using var client = backOffice.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
        }

        await using var portal = new ParasolAppFactory<Parasol.Portal.SharedResource>(database);
        using var browser = portal.CreateClient();
        var start = await Html.ParseAsync(await browser.GetAsync(new Uri("/apply/family-assistant", UriKind.Relative)));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Html.AntiforgeryToken(start) });
        var response = await browser.PostAsync(new Uri("/apply/family-assistant", UriKind.Relative), form);

        // Starting a journey stores it: a 200 on the journey's first step, not the 500 page.
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}\n{portal.ServerErrors}");
        Assert.Matches("/apply/family-assistant/[0-9a-f-]{36}/", response.RequestMessage!.RequestUri!.AbsolutePath);
    }
}
