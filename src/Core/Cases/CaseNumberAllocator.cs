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
    public async Task<string> AllocateAsync(CaseType type, CancellationToken cancellationToken = default)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Case numbers are allocated inside the transaction that stores the case.");
        }

        var office = await db.OfficeProfiles.AsNoTracking()
            .Include(o => o.FileClassifications)
            .SingleAsync(cancellationToken);
        var symbol = office.FileClassifications.SingleOrDefault(c => c.CaseType == type)?.Symbol
            ?? throw new InvalidOperationException($"The office profile has no file-classification symbol for {type}.");
        var year = WarsawTime.Today(time).Year;

        var next = await db.Database.SqlQuery<int>($"""
            INSERT INTO case_number_counters (symbol, year, last_value) VALUES ({symbol}, {year}, 1)
            ON CONFLICT (symbol, year) DO UPDATE SET last_value = case_number_counters.last_value + 1
            RETURNING last_value AS "Value"
            """).ToListAsync(cancellationToken);

        return CaseNumber.Format(office.CaseNumberPrefix, symbol, next[0], year);
    }
}
