using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Parasol.Core.Attachments;
using Parasol.Core.Data;
using Parasol.Core.Jobs;
using Parasol.Core.Staff;
using Parasol.Core.Submissions;
using Parasol.Core.Web;

namespace Parasol.Core.Journeys;

/// <summary>
/// Deletes what people started and never sent: expired journey state, and files uploaded to a journey (or to a
/// completion on the status page) that no longer exists and that nobody has touched for the life of a journey. Sent
/// files belong to a case and are never touched here. Also the access codes of sent applications that their receipt never
/// showed within a journey's lifetime (<see cref="PendingAccessCodes"/>), the attempt counters of rate limits and sign-in lockouts from
/// past days, and staff browsers whose trust has expired. Safe to repeat: a second run finds nothing left.
/// </summary>
public sealed partial class JourneySweepJob(ParasolDbContext db, JourneyStore journeys, IAttachmentStore store, TimeProvider time,
    IOptions<JourneyOptions> options, ILogger<JourneySweepJob> logger)
{
    private const int Batch = 200;

    [AutomaticRetry(Attempts = 3)]
    [Queue(JobQueues.Maintenance)]
    public async Task ExecuteAsync(CancellationToken cancellationToken)
    {
        var states = await journeys.DeleteExpiredAsync(cancellationToken);
        var cutoff = time.GetUtcNow() - TimeSpan.FromHours(options.Value.ExpiryHours);
        var files = 0;
        while (true)
        {
            var unsent = await db.Attachments
                .Where(a => a.CaseId == null && a.UploadedAt <= cutoff && !db.JourneyStates.Any(s => s.Id == a.JourneyId))
                .OrderBy(a => a.UploadedAt).Take(Batch).ToListAsync(cancellationToken);
            if (unsent.Count == 0)
            {
                break;
            }
            // Rows first: a file left behind by a crash is harmless, a row pointing at a deleted file is not.
            db.Attachments.RemoveRange(unsent);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            foreach (var file in unsent)
            {
                await store.DeleteAsync(file.StorageKey, cancellationToken);
            }
            files += unsent.Count;
        }
        var now = time.GetUtcNow();
        var counters = await AttemptLimiter.DeleteExpiredAsync(db, now, cancellationToken)
            + await SignInLockouts.DeleteExpiredAsync(db, now, cancellationToken);
        var devices = await TrustedDevices.DeleteExpiredAsync(db, now, cancellationToken);
        var codes = await PendingAccessCodes.DeleteExpiredAsync(db, now, cancellationToken);
        Swept(logger, states, files, codes, counters, devices);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Journey sweep: {States} expired journeys, {Files} unsent files, {Codes} access codes never shown, {Counters} old attempt counters and {Devices} expired staff devices deleted")]
    private static partial void Swept(ILogger logger, int states, int files, int codes, int counters, int devices);
}
