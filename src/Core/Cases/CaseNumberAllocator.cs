using Microsoft.EntityFrameworkCore;
using Parasol.Core.Data;
using Parasol.Core.Time;

namespace Parasol.Core.Cases;

/// <summary>
/// Hands out case numbers <c>PREFIX.SYMBOL.SEQ.YEAR</c>. The counter row is incremented inside the caller's
/// transaction, so its lock is held until commit: concurrent submissions queue on it, and a rolled-back
/// submission gives its number back. That is what makes the sequence gap-free per symbol and year.
/// </summary>
public sealed class CaseNumberAllocator(ParasolDbContext db, TimeProvider time)
{
    /// <summary>
    /// What a case carries until its transaction commits: a case saved with it is numbered inside COMMIT by the
    /// database (symbol and prefix from the office profile, the year it was received in, in Warsaw), gap-free as
    /// <see cref="AllocateAsync"/>.
    /// </summary>
    public static string Placeholder(Guid caseId) => $"~{caseId:N}";

    public async Task<string> AllocateAsync(CaseType type, CancellationToken cancellationToken = default)
    {
        RequireTransaction();
        var (prefix, symbol) = await NumberingAsync(type, cancellationToken);
        var year = WarsawTime.Today(time).Year;

        var next = await db.Database.SqlQuery<int>($"""
            INSERT INTO case_number_counters (symbol, year, last_value) VALUES ({symbol}, {year}, 1)
            ON CONFLICT (symbol, year) DO UPDATE SET last_value = case_number_counters.last_value + 1
            RETURNING last_value AS "Value"
            """).ToListAsync(cancellationToken);

        return CaseNumber.Format(prefix, symbol, next[0], year);
    }

    /// <summary>
    /// The number a case saved under <see cref="Placeholder"/> was given when its transaction committed (the database's
    /// deferred trigger <c>cases_number_at_commit</c> numbers it inside COMMIT, so the counter row is locked only for the
    /// commit itself); null when no such case was committed.
    /// </summary>
    public Task<string?> NumberAtCommitAsync(Guid caseId, CancellationToken cancellationToken = default) =>
        db.Cases.Where(c => c.Id == caseId).Select(c => (string?)c.Number).SingleOrDefaultAsync(cancellationToken);

    private void RequireTransaction()
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Case numbers are allocated inside the transaction that stores the case.");
        }
    }

    private async Task<(string Prefix, string Symbol)> NumberingAsync(CaseType type, CancellationToken cancellationToken)
    {
        var office = await db.OfficeProfiles.AsNoTracking()
            .Include(o => o.FileClassifications)
            .SingleAsync(cancellationToken);
        var symbol = office.FileClassifications.SingleOrDefault(c => c.CaseType == type)?.Symbol
            ?? throw new InvalidOperationException($"The office profile has no file-classification symbol for {type}.");
        return (office.CaseNumberPrefix, symbol);
    }
}
