using Microsoft.EntityFrameworkCore;
using Parasol.Core.Data;
using Parasol.Core.Outbox;

namespace Parasol.Core.Jobs;

internal static class OutboxRowLock
{
    /// <summary>
    /// Takes the row for this transaction, or null when it is done, given up, or being done right now by another worker
    /// (SKIP LOCKED): two copies of a job never both act.
    /// </summary>
    public static async Task<OutboxMessage?> TakeAsync(ParasolDbContext db, long id, CancellationToken cancellationToken)
    {
        var rows = await db.OutboxMessages
            .FromSql($"SELECT * FROM outbox_messages WHERE id = {id} FOR UPDATE SKIP LOCKED")
            .ToListAsync(cancellationToken);
        return rows.SingleOrDefault() is { ProcessedAt: null, Abandoned: false } row ? row : null;
    }
}
