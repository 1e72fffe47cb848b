using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Parasol.Core.Data;
using Parasol.Core.Journeys;

namespace Parasol.Core.Submissions;

/// <summary>
/// A submitted case's access code that its receipt has not shown yet (table <c>pending_access_codes</c>), encrypted with
/// the apps' data-protection keys and keyed by the submission key, not the case: only the browser that owns the journey
/// can ask for it (the Portal checks its ownership cookie first).
/// </summary>
public sealed class PendingAccessCode
{
    public Guid SubmissionKey { get; set; }
    public string ProtectedCode { get; set; } = "";
    public DateTimeOffset ExpiresAt { get; set; }
}

/// <summary>A case made from a submission key, as the owning browser may see it again: the code only if never shown.</summary>
public sealed record SubmittedCase(Guid CaseId, string? AccessCode);

/// <summary>
/// Keeps the access code of a new case until its receipt shows it, so a family whose first answer to the submit was lost
/// (a dropped connection, a proxy's timeout, a second press of "send") still gets its receipt with the code when the
/// browser sends again. Written in the submit's transaction, gone when the receipt shows the code
/// (<see cref="AccessCodeReveals"/>), when staff give a new code, or after a journey's lifetime (the journey sweep).
/// </summary>
public sealed class PendingAccessCodes(ParasolDbContext db, IDataProtectionProvider protection, TimeProvider time, IOptions<JourneyOptions> options)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Parasol.Core.PendingAccessCode");

    /// <summary>
    /// The code as <see cref="ReplaceJourneyAsync"/> stores it. Called before the submit's transaction begins: the key
    /// ring's first use in a process reads it from the database, or creates a key, synchronously, and every other caller
    /// waits for that; inside the transaction, each waiting submit would hold its connection and its locks meanwhile (a
    /// cold start under a burst of submits ran the connection pool dry, CaseSubmitterTests).
    /// </summary>
    public string Protect(Guid submissionKey, string accessCode) => ProtectorFor(submissionKey).Protect(accessCode);

    /// <summary>
    /// Ends the journey and keeps the case's code in its place, in one statement of the submit's transaction: the submit
    /// costs no more round trips or statements than it did before.
    /// </summary>
    public async Task ReplaceJourneyAsync(Guid submissionKey, string protectedCode, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var expiresAt = now + TimeSpan.FromHours(options.Value.ExpiryHours);
        // A concurrent submit of the same key waits on the journey's row, then finds this row committed and adds none; it
        // then loses on ux_cases_submission_key and answers with this case.
        await db.Database.ExecuteSqlAsync($"""
            WITH ended AS (DELETE FROM journey_states WHERE id = {submissionKey})
            INSERT INTO pending_access_codes (submission_key, protected_code, expires_at) VALUES ({submissionKey}, {protectedCode}, {expiresAt})
            ON CONFLICT (submission_key) DO NOTHING
            """, cancellationToken);
    }

    /// <summary>
    /// The case made from <paramref name="submissionKey"/>, with its access code while the receipt has not shown it and a
    /// journey's lifetime has not passed; null when no case has that key.
    /// </summary>
    public async Task<SubmittedCase?> FindAsync(Guid submissionKey, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var found = await db.Cases.AsNoTracking()
            .Where(c => c.SubmissionKey == submissionKey)
            .Select(c => new
            {
                c.Id,
                Code = db.PendingAccessCodes.Where(p => p.SubmissionKey == submissionKey && p.ExpiresAt > now).Select(p => p.ProtectedCode).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : new SubmittedCase(found.Id, found.Code is null ? null : Unprotect(submissionKey, found.Code));
    }

    /// <summary>Codes never shown within a journey's lifetime (the journey sweep); returns how many went.</summary>
    public static Task<int> DeleteExpiredAsync(ParasolDbContext db, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        db.PendingAccessCodes.Where(p => p.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);

    private string? Unprotect(Guid submissionKey, string protectedCode)
    {
        try
        {
            return ProtectorFor(submissionKey).Unprotect(protectedCode);
        }
        catch (CryptographicException)
        {
            // A revoked key, or a row that is not this key's: the receipt then says whom to ask for a new code.
            return null;
        }
    }

    /// <summary>Bound to its submission key, so a row copied under another key opens nothing.</summary>
    private IDataProtector ProtectorFor(Guid submissionKey) => _protector.CreateProtector(submissionKey.ToString("N"));
}
