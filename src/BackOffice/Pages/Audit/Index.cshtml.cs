using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Parasol.Core.Audit;
using Parasol.Core.Data;
using Parasol.Core.Staff;
using Parasol.Core.Time;

namespace Parasol.BackOffice.Pages.Audit;

/// <summary>
/// The director searches the audit log by person, case number, date and what was searched for in the queue. The
/// last is a surname or a PESEL, so that form is sent as a POST: the words never go into a URL or a log.
/// </summary>
[Authorize(Roles = StaffRole.Director)]
public sealed class IndexModel(ParasolDbContext db) : PageModel
{
    public const int Limit = 200;

    [BindProperty(SupportsGet = true)] public Guid? StaffId { get; set; }
    [BindProperty(SupportsGet = true)] public string? CaseNumber { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty] public string? SearchedFor { get; set; }

    public List<(Guid Id, string Name)> People { get; private set; } = [];
    public List<Row> Rows { get; private set; } = [];
    public bool CaseNotFound { get; private set; }

    public sealed record Row(DateTimeOffset OccurredAt, string Staff, AuditAction Action, Guid? CaseId, string? CaseNumber, string Detail);

    public Task OnPostAsync(CancellationToken cancellationToken) => OnGetAsync(cancellationToken);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        People = (await db.Users.OrderBy(u => u.LastName).ThenBy(u => u.FirstName)
            .Select(u => new { u.Id, Name = u.FirstName + " " + u.LastName }).ToListAsync(cancellationToken))
            .Select(u => (u.Id, u.Name)).ToList();
        var entries = db.AuditEntries.AsQueryable();
        if (StaffId is { } staffId)
        {
            entries = entries.Where(e => e.StaffId == staffId);
        }
        if (!string.IsNullOrWhiteSpace(CaseNumber))
        {
            var caseId = await db.Cases.Where(c => c.Number == CaseNumber.Trim()).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(cancellationToken);
            CaseNotFound = caseId is null;
            entries = entries.Where(e => e.CaseId == caseId);
        }
        if (!string.IsNullOrWhiteSpace(SearchedFor))
        {
            var pattern = LikePattern.Containing(SearchedFor.Trim());
            entries = entries.Where(e => e.Action == AuditAction.Searched && EF.Functions.ILike(e.Detail, pattern));
        }
        if (From is { } from && WarsawTime.StartOfDay(from) is { } start)
        {
            entries = entries.Where(e => e.OccurredAt >= start);
        }
        if (To is { } to && WarsawTime.EndOfDay(to) is { } end)
        {
            entries = entries.Where(e => e.OccurredAt < end);
        }
        Rows = await entries.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Take(Limit)
            .Select(e => new Row(e.OccurredAt,
                db.Users.Where(u => u.Id == e.StaffId).Select(u => u.FirstName + " " + u.LastName).FirstOrDefault() ?? "?",
                e.Action, e.CaseId,
                db.Cases.Where(c => c.Id == e.CaseId).Select(c => c.Number).FirstOrDefault(),
                e.Detail))
            .ToListAsync(cancellationToken);
    }
}
