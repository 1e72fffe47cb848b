using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parasol.Core.Attachments;
using Parasol.Core.Cases;
using Parasol.Core.Journeys;
using Parasol.Core.Submissions;
using Parasol.Core.Tests.Attachments;
using Parasol.Testing;

namespace Parasol.Core.Tests.Submissions;

public sealed class CaseSubmitterTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("parasol-submit-").FullName;
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        // 200 submissions at once share a pool of 100 connections: on a machine busy with the other test projects, the
        // last of them waited over the usual 60 s for one (.ci/run, once). The wait is the machine's, not the code's.
        var patient = new Npgsql.NpgsqlConnectionStringBuilder(_database.ConnectionString) { Timeout = 300 }.ConnectionString;
        _services = _database.CreateServices(s => s.Configure<AttachmentStoreOptions>(o => o.Directory = _directory), patient);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_submit_stores_the_case_its_people_attachments_and_the_received_event_and_ends_the_journey()
    {
        var journey = await StartJourneyAsync();
        await using (var scope = _services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AttachmentUploader>()
                .UploadAsync(journey, AttachmentKind.Other, "opinia.pdf", new MemoryStream(TestFiles.Pdf()));
        }

        var result = await SubmitAsync(journey);

        Assert.True(result.Created);
        Assert.Matches(@"^OPS\.4010\.\d+\.20\d\d$", result.Case.Number);
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$", result.Case.IssuedAccessCode!);
        await using var db = _database.CreateDbContext();
        var stored = await db.Cases.Include(c => c.People).Include(c => c.Events).Include(c => c.Attachments)
            .SingleAsync(c => c.Id == result.Case.Id);
        Assert.Equal(["Anna", "Zosia"], stored.People.OrderBy(p => p.Position).Select(p => p.FirstName));
        Assert.Equal(CaseEventKind.Received, Assert.Single(stored.Events).Kind);
        var attachment = Assert.Single(stored.Attachments);
        Assert.Null(attachment.JourneyId);
        Assert.NotEqual(result.Case.IssuedAccessCode, stored.AccessCodeHash);
        Assert.True(AccessCode.Matches(result.Case.IssuedAccessCode, stored.AccessCodeHash));
        Assert.False(await db.JourneyStates.AnyAsync(s => s.Id == journey));
    }

    [Fact]
    public async Task A_submitted_case_has_its_interview_and_decision_deadlines_at_once_not_at_the_next_days_watch()
    {
        var result = await SubmitAsync(await StartJourneyAsync());

        await using var db = _database.CreateDbContext();
        var stored = await db.Cases.Include(c => c.Events).SingleAsync(c => c.Id == result.Case.Id);
        var received = DateOnly.FromDateTime(Parasol.Core.Time.WarsawTime.ToWarsaw(stored.ReceivedAt).DateTime);
        var options = new Parasol.Core.Deadlines.DeadlineOptions();
        Assert.Equal(Parasol.Core.Deadlines.CaseDeadlines.InterviewDue(received, urgent: false, options), stored.InterviewDueOn);
        Assert.Equal(Parasol.Core.Deadlines.CaseDeadlines.DecisionDue(received, stored.Events, options), stored.DecisionDueOn);
        Assert.NotNull(stored.DecisionDueOn);
    }

    [Fact]
    public async Task A_repeated_submit_of_the_same_journey_returns_the_first_case()
    {
        var journey = await StartJourneyAsync();

        var first = await SubmitAsync(journey);
        var again = await SubmitAsync(journey);

        Assert.False(again.Created);
        Assert.Equal(first.Case.Id, again.Case.Id);
        Assert.Null(again.Case.IssuedAccessCode);
        await using var db = _database.CreateDbContext();
        Assert.Equal(1, await db.Cases.CountAsync(c => c.SubmissionKey == journey));
    }

    [Fact]
    public async Task A_burst_of_identical_posts_creates_one_case()
    {
        var journey = await StartJourneyAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => SubmitAsync(journey))));

        Assert.Single(results, r => r.Created);
        Assert.Single(results.Select(r => r.Case.Id).Distinct());
        await using var db = _database.CreateDbContext();
        Assert.Equal(1, await db.Cases.CountAsync(c => c.SubmissionKey == journey));
    }

    [Fact]
    public async Task Two_hundred_concurrent_submissions_make_two_hundred_cases_and_lose_nothing()
    {
        var journeys = new List<Guid>();
        for (var i = 0; i < 200; i++)
        {
            journeys.Add(await StartJourneyAsync());
        }

        var results = await Task.WhenAll(journeys.Select(j => Task.Run(() => SubmitAsync(j))));

        Assert.All(results, r => Assert.True(r.Created));
        await using var db = _database.CreateDbContext();
        var cases = await db.Cases.Include(c => c.People).Include(c => c.Events).Where(c => journeys.Contains(c.SubmissionKey!.Value)).ToListAsync();
        Assert.Equal(200, cases.Count);
        Assert.Equal(200, cases.Select(c => c.Number).Distinct().Count());
        // Numbered as the last step before each commit: consecutive, none left unnumbered, as each applicant was told.
        var sequences = cases.Select(c => int.Parse(c.Number.Split('.')[2], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(Enumerable.Range(sequences[0], 200), sequences);
        Assert.Equal(results.Select(r => r.Case.Number).Order(), cases.Select(c => c.Number).Order());
        Assert.All(cases, c => Assert.Equal(2, c.People.Count));
        Assert.All(cases, c => Assert.Single(c.Events, e => e.Kind == CaseEventKind.Received));
        Assert.False(await db.JourneyStates.AnyAsync(s => journeys.Contains(s.Id)));
    }

    [Fact]
    public async Task Status_lookup_answers_the_same_for_an_unknown_number_and_a_wrong_code()
    {
        var created = (await SubmitAsync(await StartJourneyAsync())).Case;
        await using var scope = _services.CreateAsyncScope();
        var lookup = scope.ServiceProvider.GetRequiredService<CaseStatusLookup>();

        Assert.Equal(created.Id, await lookup.VerifyAsync(created.Number.ToLowerInvariant(), created.IssuedAccessCode!.Replace("-", " ", StringComparison.Ordinal).ToLowerInvariant()));
        Assert.Null(await lookup.VerifyAsync(created.Number, "AAAA-BBBB-CCCC"));
        Assert.Null(await lookup.VerifyAsync("OPS.4010.99999.2026", created.IssuedAccessCode));
        Assert.Null(await lookup.VerifyAsync("not a number", created.IssuedAccessCode));
        Assert.Null(await lookup.VerifyAsync(created.Number, ""));
    }

    private async Task<Guid> StartJourneyAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<JourneyStore>().StartAsync("family-assistant", new { Step = 1 });
    }

    private async Task<SubmissionResult> SubmitAsync(Guid journey)
    {
        await using var scope = _services.CreateAsyncScope();
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
