using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Parasol.Core.Deadlines;
using Parasol.Core.Time;

namespace Parasol.Core.Jobs;

/// <summary>Registers the recurring jobs when the server starts (AddOrUpdate, so restarts change nothing).</summary>
internal sealed class RecurringJobsRegistration(IRecurringJobManager recurring, IOptions<JobsOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var warsaw = new RecurringJobOptions { TimeZone = WarsawTime.Zone };
        recurring.AddOrUpdate<OutboxSweepJob>("outbox-sweep", JobQueues.Maintenance, j => j.ExecuteAsync(CancellationToken.None), options.Value.SweepCron, warsaw);
        recurring.AddOrUpdate<DeadlineWatchJob>("deadlines", JobQueues.Maintenance, j => j.ExecuteAsync(CancellationToken.None), options.Value.DeadlinesCron, warsaw);
        recurring.AddOrUpdate<Journeys.JourneySweepJob>("journey-sweep", JobQueues.Maintenance, j => j.ExecuteAsync(CancellationToken.None), options.Value.JourneySweepCron, warsaw);
        recurring.AddOrUpdate<Queue.QueueTallyCompactionJob>("queue-tally-compaction", JobQueues.Maintenance, j => j.ExecuteAsync(CancellationToken.None), options.Value.QueueTallyCompactionCron, warsaw);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
