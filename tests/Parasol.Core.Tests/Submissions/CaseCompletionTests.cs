using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Parasol.Core.Attachments;
using Parasol.Core.Cases;
using Parasol.Core.Data;
using Parasol.Core.Jobs;
using Parasol.Core.Mail;
using Parasol.Core.Submissions;
using Parasol.Testing;

namespace Parasol.Core.Tests.Submissions;

public sealed class CaseCompletionTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Portal:BaseUrl"] = "https://portal.example.test" }).Build();
        _services = _database.CreateServices(s => s.AddParasolJobs(configuration));
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task The_request_e_mail_links_to_the_status_page_with_nothing_personal_in_the_address()
    {
        var c = await RequestCompletionAsync();

        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParasolDbContext>();
        var row = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.CaseId == c.Id && m.Template == MailTemplate.CompletionRequest);
        var mail = await scope.ServiceProvider.GetRequiredService<MailRenderer>().RenderAsync(row, CancellationToken.None);

        var links = System.Text.RegularExpressions.Regex.Matches(mail!.Html, "href=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["https://portal.example.test/status?culture=pl"], links);
        Assert.Contains(c.Number, mail.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_sends_at_once_move_the_files_and_record_the_completion_once()
    {
        // Repeated: the two sends race, and a wrong answer ("nothing to send" to the second) came from one interleaving.
        for (var i = 0; i < 25; i++)
        {
            var c = await RequestCompletionAsync();
            await using (var scope = _services.CreateAsyncScope())
            {
                var uploader = scope.ServiceProvider.GetRequiredService<AttachmentUploader>();
                await uploader.UploadAsync(CaseCompletion.UploadKey(c.Id), AttachmentKind.CompletionDocument, "a.pdf", new MemoryStream([.. "%PDF-1.4\n"u8, 1, 2, 3, .. "\n%%EOF\n"u8]));
            }

            var outcomes = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
            {
                await using var scope = _services.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<CaseCompletion>().SendAsync(c.Id);
            }));

            Assert.Equal([CompletionOutcome.Sent, CompletionOutcome.NotRequested], outcomes.Order());
            await using var db = _database.CreateDbContext();
            Assert.Equal(1, await db.CaseEvents.CountAsync(e => e.CaseId == c.Id && e.Kind == CaseEventKind.CompletionReceived));
            Assert.Equal(1, await db.Attachments.CountAsync(a => a.CaseId == c.Id));
        }
    }

    private async Task<Case> RequestCompletionAsync()
    {
        var c = await TestCases.SubmitAsync(_services);
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParasolDbContext>();
        var tracked = await db.Cases.SingleAsync(x => x.Id == c.Id);
        tracked.Status = CaseStatus.CompletionRequested;
        tracked.CompletionDueOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10);
        tracked.Events.Add(new CaseEvent { OccurredAt = DateTimeOffset.UtcNow, Kind = CaseEventKind.CompletionRequested, Text = "Brak zaświadczenia", IsInternal = false });
        await db.SaveChangesAsync();
        return c;
    }
}
