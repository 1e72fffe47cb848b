using Microsoft.EntityFrameworkCore;
using Parasol.Core.Data;

namespace Parasol.Core.Submissions;

/// <summary>That a case's access code has been shown on its receipt (table <c>access_code_reveals</c>).</summary>
public sealed class AccessCodeReveal
{
    public Guid CaseId { get; set; }
    public DateTimeOffset RevealedAt { get; set; }
}

/// <summary>
/// The access code opens a case together with its number, so the receipt shows it once: on the first view after the
/// submit. A reload, the back button or someone later at the same browser finds the receipt without it. Recorded in
/// the database rather than only in the browser's ticket, so a copy of the ticket and every Portal instance agree.
/// A row of its own, not a column of the case: the case's row version is staff's and routing's concurrency check.
/// The reveal also erases the code kept for a repeated submit (<see cref="PendingAccessCodes"/>), in the same statement.
/// </summary>
public sealed class AccessCodeReveals(ParasolDbContext db, TimeProvider time)
{
    /// <summary>True for the first caller for a case, false for every later one.</summary>
    public async Task<bool> TryRevealAsync(Guid caseId, CancellationToken cancellationToken = default) =>
        await db.Database.ExecuteSqlAsync($"""
            WITH shown AS (DELETE FROM pending_access_codes WHERE submission_key = (SELECT submission_key FROM cases WHERE id = {caseId}))
            INSERT INTO access_code_reveals (case_id, revealed_at) VALUES ({caseId}, {time.GetUtcNow()})
            ON CONFLICT (case_id) DO NOTHING
            """, cancellationToken) == 1;
}
