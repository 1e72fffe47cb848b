using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Parasol.Core.Data;
using Parasol.Core.Jobs;

namespace Parasol.Core.Queue;

/// <summary>
/// Folds the queue's tally rows back into one per combination (<c>queue_tally_compact()</c>, migration PerfQueue): the
/// triggers on cases only ever insert rows of deltas, so that concurrent submissions never wait on a shared counter row.
/// The counts are sums either way; this keeps the table small. Safe to run at any time and twice at once.
/// </summary>
public sealed partial class QueueTallyCompactionJob(ParasolDbContext db, ILogger<QueueTallyCompactionJob> logger)
{
    [AutomaticRetry(Attempts = 3)]
    [Queue(JobQueues.Maintenance)]
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var folded = (await db.Database.SqlQuery<int>($"""SELECT queue_tally_compact() AS "Value" """).ToListAsync(cancellationToken)).Single();
        Compacted(logger, folded);
        return folded;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Queue tallies compacted: {Rows} rows fewer")]
    private static partial void Compacted(ILogger logger, int rows);
}
