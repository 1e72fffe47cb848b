using Microsoft.Extensions.DependencyInjection;
using Parasol.Core.Cases;
using Parasol.Core.Submissions;

namespace Parasol.BackOffice.Tests.Pages;

public sealed class AccessibilityRequestQueueTests(BackOfficeFactory backOffice) : IClassFixture<BackOfficeFactory>
{
    [Fact]
    public async Task An_accessibility_request_from_the_portal_waits_in_the_registrys_queue_as_its_own_type()
    {
        await using (var services = backOffice.App.Database.CreateServices())
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<CaseSubmitter>().SubmitAsync(Guid.NewGuid(), new CaseDraft
            {
                Type = CaseType.AccessibilityRequest,
                ContactEmail = "jerzy@example.com",
                People = [new CasePerson { Role = PersonRole.Applicant, FirstName = "Jerzy", LastName = "Nowicki" }],
            });
        }
        using var client = await StaffSession.SignInAsync(backOffice.App, "kancelaria@ops.example");

        var page = await StaffSession.GetPageAsync(client, "/");

        var row = Assert.Single(page.QuerySelectorAll("table.queue tbody tr"), tr => tr.TextContent.Contains("OPS.0630.", StringComparison.Ordinal));
        Assert.Contains("dostępności", row.TextContent, StringComparison.Ordinal);
    }
}
