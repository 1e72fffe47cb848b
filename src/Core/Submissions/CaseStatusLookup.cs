using Microsoft.EntityFrameworkCore;
using Parasol.Core.Cases;
using Parasol.Core.Data;

namespace Parasol.Core.Submissions;

/// <summary>
/// Finds a case for its applicant by number and access code. An unknown number and a wrong code look exactly the same
/// to the caller (null), and both cost a hash comparison, so the answer never tells whether a number exists.
/// </summary>
public sealed class CaseStatusLookup(ParasolDbContext db)
{
    public async Task<Guid?> VerifyAsync(string? caseNumber, string? accessCode, CancellationToken cancellationToken = default)
    {
        var number = CaseNumber.Normalize(caseNumber);
        var candidate = number is null
            ? null
            : await db.Cases.AsNoTracking().Where(c => c.Number == number)
                .Select(c => new { c.Id, c.AccessCodeHash }).SingleOrDefaultAsync(cancellationToken);
        var matches = AccessCode.Matches(accessCode, candidate?.AccessCodeHash);
        return matches ? candidate!.Id : null;
    }

    /// <summary>The case as its applicant may see it: no internal notes, no staff details beyond the stage.</summary>
    public Task<Case?> GetForApplicantAsync(Guid caseId, CancellationToken cancellationToken = default) =>
        db.Cases.AsNoTracking()
            .Include(c => c.Attachments.OrderBy(a => a.UploadedAt))
            .Include(c => c.Events.Where(e => !e.IsInternal).OrderBy(e => e.OccurredAt))
            .SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
}
