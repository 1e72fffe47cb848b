using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Parasol.Core.Attachments;
using Parasol.Core.Cases;
using Parasol.Core.Jobs;
using Parasol.Core.Journeys;
using Parasol.Core.Submissions;
using Parasol.Testing;

namespace Parasol.Core.Tests.Submissions;

public sealed class PendingAccessCodesTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly string _directory = Directory.CreateTempSubdirectory("parasol-pending-").FullName;
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _services = _database.CreateServices(s =>
        {
            s.AddParasolJobs(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
            s.Replace(ServiceDescriptor.Singleton<TimeProvider>(_time));
            s.Configure<AttachmentStoreOptions>(o => o.Directory = _directory);
            s.Configure<JourneyOptions>(o => o.ExpiryHours = 24);
        });
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_submitted_journey_keeps_its_code_encrypted_until_the_receipt_shows_it()
    {
        var journey = await StartJourneyAsync();
        var created = (await SubmitAsync(journey)).Case;

        await using (var db = _database.CreateDbContext())
        {
            var kept = await db.PendingAccessCodes.AsNoTracking().SingleAsync(p => p.SubmissionKey == journey);
            Assert.DoesNotContain(created.IssuedAccessCode!.Replace("-", "", StringComparison.Ordinal), kept.ProtectedCode.Replace("-", "", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.Equal(_time.GetUtcNow().AddHours(24), kept.ExpiresAt);
            Assert.False(await db.JourneyStates.AnyAsync(s => s.Id == journey));
        }
        Assert.Equal(new SubmittedCase(created.Id, created.IssuedAccessCode), await FindAsync(journey));
        Assert.Null(await FindAsync(Guid.NewGuid()));

        await using (var scope = _services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<AccessCodeReveals>().TryRevealAsync(created.Id));
        }

        Assert.Equal(new SubmittedCase(created.Id, null), await FindAsync(journey));
        await using (var db = _database.CreateDbContext())
        {
            Assert.False(await db.PendingAccessCodes.AnyAsync(p => p.SubmissionKey == journey));
        }
    }

    [Fact]
    public async Task A_code_never_shown_is_not_given_after_a_journeys_lifetime_and_the_sweep_deletes_it()
    {
        var old = await StartJourneyAsync();
        var oldCase = (await SubmitAsync(old)).Case;
        _time.Advance(TimeSpan.FromHours(20));
        var recent = await StartJourneyAsync();
        await SubmitAsync(recent);
        _time.Advance(TimeSpan.FromHours(4));

        Assert.Equal(new SubmittedCase(oldCase.Id, null), await FindAsync(old));
        await using (var scope = _services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<JourneySweepJob>().ExecuteAsync(CancellationToken.None);
        }

        await using var db = _database.CreateDbContext();
        Assert.Equal([recent], await db.PendingAccessCodes.Where(p => p.SubmissionKey == old || p.SubmissionKey == recent).Select(p => p.SubmissionKey).ToListAsync());
        Assert.NotNull((await FindAsync(recent))!.AccessCode);
    }

    [Fact]
    public async Task A_code_kept_under_one_submission_key_opens_nothing_under_another()
    {
        var first = await StartJourneyAsync();
        var second = await StartJourneyAsync();
        await SubmitAsync(first);
        var secondCase = (await SubmitAsync(second)).Case;
        await using (var db = _database.CreateDbContext())
        {
            var firsts = await db.PendingAccessCodes.Where(p => p.SubmissionKey == first).Select(p => p.ProtectedCode).SingleAsync();
            await db.PendingAccessCodes.Where(p => p.SubmissionKey == second).ExecuteUpdateAsync(s => s.SetProperty(p => p.ProtectedCode, firsts));
        }

        Assert.Equal(new SubmittedCase(secondCase.Id, null), await FindAsync(second));
    }

    private async Task<SubmittedCase?> FindAsync(Guid journey)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PendingAccessCodes>().FindAsync(journey);
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
            People = [new CasePerson { Role = PersonRole.Applicant, FirstName = "Anna", LastName = "Nowak" }],
        });
    }
}
