using Microsoft.EntityFrameworkCore;
using Parasol.Core.Data;

namespace Parasol.Core.Cases;

internal static class CaseRowLock
{
    /// <summary>
    /// The case, tracked, read with its row locked for the rest of this transaction (one round trip), or null when there
    /// is no such case. Work on one case takes turns: a second reader waits for the first to commit and then reads what
    /// it committed, so it never decides on the case as it was and the rest (files, events) as they are now.
    /// </summary>
    public static async Task<Case?> ReadForUpdateAsync(ParasolDbContext db, Guid caseId, CancellationToken cancellationToken)
    {
        // xmin is the concurrency token (Case.Version), a system column that * does not include.
        var rows = await db.Cases
            .FromSql($"SELECT *, xmin FROM cases WHERE id = {caseId} FOR UPDATE")
            .ToListAsync(cancellationToken);
        return rows.SingleOrDefault();
    }
}
