using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Parasol.Core.Attachments;
using Parasol.Core.Jobs;
using Parasol.Core.Journeys;
using Parasol.Core.Submissions;
using Parasol.Testing;

namespace Parasol.Core.Tests.Journeys;

public sealed class JourneySweepJobTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly string _directory = Directory.CreateTempSubdirectory("parasol-sweep-").FullName;
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _services = _database.CreateServices(s =>
        {
            s.AddParasolJobs(new ConfigurationBuilder().Build());
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
    public async Task Expired_journeys_and_their_unsent_files_go_while_live_journeys_and_sent_files_stay()
    {
        var abandoned = await StartWithFileAsync();
        _time.Advance(TimeSpan.FromHours(20));
        var live = await StartWithFileAsync();
        var sent = await StartWithFileAsync();
        await SubmitAsync(sent.Journey);
        _time.Advance(TimeSpan.FromHours(4.5)); // the first journey is now 24.5 hours old, the others 4.5

        await SweepAsync();

        await using var db = _database.CreateDbContext();
        Assert.Equal([live.Journey], await db.JourneyStates.Where(s => new[] { abandoned.Journey, live.Journey, sent.Journey }.Contains(s.Id)).Select(s => s.Id).ToListAsync());
        Assert.False(await db.Attachments.AnyAsync(a => a.Id == abandoned.File.Id));
        Assert.False(await StoredAsync(abandoned.File.StorageKey));
        Assert.True(await StoredAsync(live.File.StorageKey));
        Assert.True(await StoredAsync(sent.File.StorageKey));
        Assert.True(await db.Attachments.AnyAsync(a => a.Id == sent.File.Id && a.CaseId != null));

        _time.Advance(TimeSpan.FromDays(30)); // long after: the live journey has expired, the sent file is the case's for good
        await SweepAsync();
        await SweepAsync(); // a repeated run finds nothing more

        Assert.False(await StoredAsync(live.File.StorageKey));
        Assert.True(await StoredAsync(sent.File.StorageKey));
    }

    [Fact]
    public async Task A_completion_file_uploaded_on_the_status_page_but_never_sent_is_deleted_after_the_journey_expiry()
    {
        var caseId = Guid.NewGuid();
        var file = await UploadAsync(CaseCompletion.UploadKey(caseId));

        _time.Advance(TimeSpan.FromHours(23));
        await SweepAsync();
        Assert.True(await StoredAsync(file.StorageKey));

        _time.Advance(TimeSpan.FromHours(1));
        await SweepAsync();
        Assert.False(await StoredAsync(file.StorageKey));
    }

    private async Task<(Guid Journey, Attachment File)> StartWithFileAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        var journey = await scope.ServiceProvider.GetRequiredService<JourneyStore>().StartAsync("family-assistant", new { });
        return (journey, await UploadAsync(journey));
    }

    private async Task<Attachment> UploadAsync(Guid key)
    {
        await using var scope = _services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AttachmentUploader>()
            .UploadAsync(key, AttachmentKind.Other, "skan.pdf", new MemoryStream([.. "%PDF-1.4\n"u8, .. new byte[500]]));
        return result.Attachment!;
    }

    private async Task SubmitAsync(Guid journey)
    {
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CaseSubmitter>().SubmitAsync(journey, new CaseDraft { Type = Parasol.Core.Cases.CaseType.AssistantRequest });
    }

    private async Task SweepAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<JourneySweepJob>().ExecuteAsync(CancellationToken.None);
    }

    private async Task<bool> StoredAsync(string key)
    {
        await using var stream = await _services.GetRequiredService<IAttachmentStore>().OpenReadAsync(key);
        return stream is not null;
    }
}
