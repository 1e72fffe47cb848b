using Parasol.Portal.Tests.Pages.Apply;
using Parasol.Testing;

namespace Parasol.Portal.Tests.Faults;

/// <summary>
/// A family's connection is reset while their answers are on the way (a phone losing its signal): the Portal lets the
/// request go without an error in the office's log, and the journey is as it was.
/// </summary>
public sealed class DroppedConnectionTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_connection_reset_in_the_middle_of_a_step_s_answers_leaves_no_error_and_changes_nothing()
    {
        using var network = new DroppingNetwork();
        await using var app = new ParasolAppFactory<SharedResource>(portal.App.Database)
        {
            ConfigureTestServices = services => network.WatchRequests(services, r => r.Method == "POST" && r.ContentLength > 10_000),
        };
        using var http = network.Connect(app.StartOnRealPort());
        var form = new FormClient(http);
        var id = await FamilyAssistantJourneyTests.StartAsync(form);
        var step = form.Location!;
        var before = await StateAsync(app, id);
        // The step's answers, of which only the first half arrives (a long answer makes the body span many packets).
        using var answers = new FormUrlEncodedContent(FamilyAssistantAnswers.AboutYou()
            .Append(new("__RequestVerificationToken", Html.AntiforgeryToken(form.Page)))
            .Append(new("Padding", new string('x', 20_000))));
        var whole = await answers.ReadAsByteArrayAsync();
        // Several times: whether the office's log would get an error depends on which thread gets there first.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var body = new StalledBody(whole[..(whole.Length / 2)], whole.Length, "application/x-www-form-urlencoded");
            await network.SendAndResetAsync(http, step, body);
        }
        // Kestrel would log a failed drain of the body just after the request has ended: give it that moment.
        await Task.Delay(500);

        Assert.True(app.ServerErrors.Entries.Count == 0, app.ServerErrors.ToString());
        Assert.Equal(before, await StateAsync(app, id));
    }

    private static async Task<string> StateAsync(ParasolAppFactory<SharedResource> app, Guid id)
    {
        await using var db = app.Database.CreateDbContext();
        return db.JourneyStates.Single(s => s.Id == id).StateJson;
    }
}
