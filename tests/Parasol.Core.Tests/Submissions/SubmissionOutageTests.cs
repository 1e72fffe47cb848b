using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parasol.Core.Attachments;
using Parasol.Core.Cases;
using Parasol.Core.Data;
using Parasol.Core.Journeys;
using Parasol.Core.Outbox;
using Parasol.Core.Submissions;
using Parasol.Testing;

namespace Parasol.Core.Tests.Submissions;

/// <summary>PostgreSQL going away in the middle of many submissions: nothing acknowledged is lost, nothing half-stored.</summary>
public sealed class SubmissionOutageTests : IAsyncLifetime
{
    private const int Journeys = 30;
    private RelayedDatabase _relayed = null!;

    public async Task InitializeAsync() => _relayed = await RelayedDatabase.CreateAsync();

    public async Task DisposeAsync() => await _relayed.DisposeAsync();

    [Fact]
    public async Task Connections_dropped_during_submissions_lose_no_acknowledged_case_and_leave_none_half_stored()
    {
        var journeys = new List<Guid>();
        for (var i = 0; i < Journeys; i++)
        {
            journeys.Add(await StartJourneyWithAFileAsync(i));
        }
        // One submission first, so that the timed ones are not all held up together behind the first queries' compilation.
        await SubmitAsync(await StartJourneyWithAFileAsync(Journeys));
        var acknowledged = new ConcurrentDictionary<Guid, string>();
        var refused = new ConcurrentBag<Guid>();
        var unexpected = new ConcurrentBag<Exception>();

        // Started a few milliseconds apart, so that whenever the connections drop some submissions are starting, some
        // saving and some committing (the case number is given inside COMMIT), and some start while the database is away.
        var submissions = journeys.Select((j, i) => Task.Run(async () =>
        {
            await Task.Delay(i * 15);
            try
            {
                acknowledged[j] = (await SubmitAsync(j)).Case.Number;
            }
            catch (Exception e) when (DatabaseFailures.IsUnavailable(e))
            {
                refused.Add(j);
            }
            catch (Exception e)
            {
                unexpected.Add(e);
            }
        })).ToList();
        var all = Task.WhenAll(submissions);
        for (var outage = 0; outage < 3 && !all.IsCompleted; outage++)
        {
            var target = acknowledged.Count + 3;
            while (acknowledged.Count < target && !all.IsCompleted)
            {
                await Task.Delay(5);
            }
            _relayed.Outage.Cut();
            await Task.Delay(200);
            _relayed.Outage.Restore();
        }
        await all;

        Assert.Empty(unexpected);
        Assert.NotEmpty(acknowledged);
        Assert.NotEmpty(refused);
        Assert.True(_relayed.Outage.ConnectionsDropped > 0);

        await using (var db = _relayed.Database.CreateDbContext())
        {
            foreach (var (journey, number) in acknowledged)
            {
                var stored = await db.Cases.Include(c => c.People).Include(c => c.Events).Include(c => c.Attachments)
                    .SingleAsync(c => c.SubmissionKey == journey);
                Assert.Equal(number, stored.Number);
                await AssertWholeAsync(db, stored, journey);
            }
            foreach (var journey in refused)
            {
                // Refused means either not stored at all (the journey goes on) or stored whole (the commit got
                // through but its answer was lost); never anything in between.
                var stored = await db.Cases.Include(c => c.People).Include(c => c.Events).Include(c => c.Attachments)
                    .SingleOrDefaultAsync(c => c.SubmissionKey == journey);
                if (stored is null)
                {
                    Assert.True(await db.JourneyStates.AnyAsync(s => s.Id == journey));
                    Assert.Equal(1, await db.Attachments.CountAsync(a => a.JourneyId == journey && a.CaseId == null));
                }
                else
                {
                    await AssertWholeAsync(db, stored, journey);
                }
            }
        }

        // The applicants press "try again" until it works (a connection left idle in the pool when the database went
        // away fails once more): every journey ends as exactly one case, numbered without gaps.
        foreach (var journey in refused)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await SubmitAsync(journey);
                    break;
                }
                catch (Exception e) when (DatabaseFailures.IsUnavailable(e) && attempt < 5)
                {
                }
            }
        }
        await using (var db = _relayed.Database.CreateDbContext())
        {
            var cases = await db.Cases.Where(c => journeys.Contains(c.SubmissionKey!.Value)).Select(c => c.Number).ToListAsync();
            Assert.Equal(Journeys, cases.Count);
            var sequence = cases.Select(n => int.Parse(n.Split('.')[2], CultureInfo.InvariantCulture)).Order().ToList();
            Assert.Equal(Enumerable.Range(sequence[0], Journeys), sequence);
            Assert.False(await db.JourneyStates.AnyAsync(s => journeys.Contains(s.Id)));
        }
    }

    private static async Task AssertWholeAsync(ParasolDbContext db, Case stored, Guid journey)
    {
        Assert.Equal(2, stored.People.Count);
        Assert.Single(stored.Events, e => e.Kind == CaseEventKind.Received);
        Assert.Single(stored.Attachments);
        Assert.True(await db.OutboxMessages.AnyAsync(m => m.CaseId == stored.Id && m.Kind == OutboxKind.RouteCase));
        Assert.False(await db.JourneyStates.AnyAsync(s => s.Id == journey));
    }

    private async Task<Guid> StartJourneyWithAFileAsync(int i)
    {
        await using var scope = _relayed.Services.CreateAsyncScope();
        var journey = await scope.ServiceProvider.GetRequiredService<JourneyStore>().StartAsync("family-assistant", new { Step = 5 });
        var db = scope.ServiceProvider.GetRequiredService<ParasolDbContext>();
        db.Attachments.Add(new Attachment
        {
            Id = Guid.NewGuid(),
            JourneyId = journey,
            Kind = AttachmentKind.Other,
            FileName = $"opinia-{i}.pdf",
            ContentType = "application/pdf",
            SizeBytes = 100,
            Sha256 = new string('0', 64),
            StorageKey = Guid.NewGuid().ToString("N"),
            UploadedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
        return journey;
    }

    private async Task<SubmissionResult> SubmitAsync(Guid journey)
    {
        await using var scope = _relayed.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CaseSubmitter>().SubmitAsync(journey, new CaseDraft
        {
            Type = CaseType.AssistantRequest,
            FamilyAddress = new Address { Street = "3 Maja", HouseNumber = "36", PostalCode = "44-230", City = "Lipowiec" },
            ContactEmail = "anna@example.com",
            People =
            [
                new CasePerson { Role = PersonRole.Applicant, FirstName = "Anna", LastName = "Nowak" },
                new CasePerson { Role = PersonRole.Child, FirstName = "Zosia", LastName = "Nowak", DateOfBirth = new DateOnly(2019, 5, 1) },
            ],
        });
    }
}
