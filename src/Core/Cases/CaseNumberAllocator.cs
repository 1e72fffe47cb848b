using Microsoft.EntityFrameworkCore;
using Parasol.Core.Data;

namespace Parasol.Core.Cases;

/// <summary>
/// Case numbers <c>PREFIX.SYMBOL.SEQ.YEAR</c> are given by the database, in one place: a case is saved under
/// <see cref="Placeholder"/> and the deferred trigger <c>cases_number_at_commit</c> (migration NumberCasesAtCommit)
/// numbers it inside COMMIT, from a counter row per symbol and year (symbol and prefix from the office profile, the year
/// the case was received in, in Warsaw). The counter's increment is part of the transaction, so a transaction that
/// fails gives its number back: numbers are gap-free and consecutive. The counter row is locked only for the commit
/// itself, on the server, so concurrent submissions barely wait for each other (bench/submit).
/// </summary>
public sealed class CaseNumberAllocator(ParasolDbContext db)
{
    /// <summary>What a case carries until its transaction commits and the database numbers it.</summary>
    public static string Placeholder(Guid caseId) => $"~{caseId:N}";

    /// <summary>The number a case saved under <see cref="Placeholder"/> was given at commit; null when no such case was committed.</summary>
    public Task<string?> NumberAtCommitAsync(Guid caseId, CancellationToken cancellationToken = default) =>
        db.Cases.Where(c => c.Id == caseId).Select(c => (string?)c.Number).SingleOrDefaultAsync(cancellationToken);
}
