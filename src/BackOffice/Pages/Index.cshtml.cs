using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Parasol.BackOffice.Localization;
using Parasol.BackOffice.Security;
using Parasol.Core.Access;
using Parasol.Core.Audit;
using Parasol.Core.Cases;
using Parasol.Core.Data;
using Parasol.Core.Queue;
using Parasol.Core.Staff;
using Parasol.Core.Time;
using Parasol.Core.Workflow;

namespace Parasol.BackOffice.Pages;

/// <summary>
/// The queue, start page for clerks and social workers. Filters travel in the query string; the search (surnames,
/// PESEL numbers) only in a POST body, so no personal data ends up in URLs or logs. Every search is audited.
/// </summary>
public sealed class IndexModel(CaseQueue queue, CurrentStaff current, CaseWorkflowService workflow, ParasolDbContext db, AuditLog audit,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)] public QueueTab? Tab { get; set; }
    [BindProperty(SupportsGet = true)] public CaseType? Type { get; set; }
    [BindProperty(SupportsGet = true)] public CaseSource? Source { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Urgent { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? DistrictId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? AssigneeId { get; set; }
    [BindProperty(SupportsGet = true)] public CaseStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? ReceivedFrom { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? ReceivedTo { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }
    [BindProperty] public string? Search { get; set; }

    public StaffScope Staff { get; private set; } = null!;
    public QueueTab CurrentTab { get; private set; }
    public IReadOnlyDictionary<QueueTab, int> Counts { get; private set; } = new Dictionary<QueueTab, int>();
    public QueuePage Results { get; private set; } = new([], null);
    public List<(Guid Id, string Name)> Districts { get; private set; } = [];
    public List<StaffCaseload> Workers { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => ShowAsync(cancellationToken);

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) => ShowAsync(cancellationToken);

    public const int ExportLimit = 5000;

    /// <summary>The cases the current tab, filters and search show, as CSV (up to 5,000 rows); every export is audited.</summary>
    public async Task<IActionResult> OnPostExportAsync(CancellationToken cancellationToken)
    {
        Staff = await current.GetAsync(cancellationToken);
        var tabs = CaseQueue.TabsFor(Staff);
        if (!Staff.HasCaseRole || Tab is not { } tab || !tabs.Contains(tab))
        {
            return Forbid();
        }
        var rows = await queue.PageQuery(Staff, Query(tab) with { After = null, PageSize = ExportLimit - 1 }).ToListAsync(cancellationToken);
        await audit.WriteAsync(Staff.StaffId, AuditAction.Exported, detail: $"queue {tab}: {rows.Count} cases", cancellationToken: cancellationToken);
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(';', new[] { "Case number", "Applicant", "Case type", "Source", "Status", "Urgent", "Deadline", "Received", "Social worker" }
            .Select(h => Csv(localizer[h]))));
        foreach (var r in rows)
        {
            csv.AppendLine(string.Join(';', Csv(r.Number), Csv(r.ApplicantLastName), Csv(localizer[EnumText.Of(r.Type)]), Csv(localizer[EnumText.Of(r.Source)]),
                Csv(localizer[EnumText.Of(r.Status)]), r.IsUrgent ? "1" : "0", r.DecisionDueOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                WarsawTime.ToWarsaw(r.ReceivedAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), Csv(r.SocialWorkerName)));
        }
        Response.Headers.CacheControl = "private, no-store";
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", "sprawy.csv");
    }

    /// <summary>Quotes a CSV cell and defuses spreadsheet formulas (OWASP's list: = + - @, a tab, a carriage return).</summary>
    private static string Csv(string? value)
    {
        value ??= "";
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal))
        {
            value = "'" + value;
        }
        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private QueueQuery Query(QueueTab tab) => new()
    {
        Tab = tab,
        Type = Type,
        Source = Source,
        Urgent = Urgent,
        DistrictId = DistrictId,
        AssigneeId = AssigneeId,
        Status = Status,
        ReceivedFrom = ReceivedFrom,
        ReceivedTo = ReceivedTo,
        Search = Search,
        After = After,
    };

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        Staff = await current.GetAsync(cancellationToken);
        if (!Staff.HasCaseRole)
        {
            return Staff.IsIn(StaffRole.Administrator) ? RedirectToPage("/Admin/Staff/Index") : Forbid();
        }
        var tabs = CaseQueue.TabsFor(Staff);
        CurrentTab = Tab is { } tab && tabs.Contains(tab) ? tab : DefaultTab(Staff, tabs);
        Counts = await queue.CountsAsync(Staff, cancellationToken);
        Results = await queue.PageAsync(Staff, Query(CurrentTab), cancellationToken);
        if (!string.IsNullOrWhiteSpace(Search))
        {
            // Looking a person up is seeing that they have (or have no) case with us: who searched for whom is audited
            // like a case opened, whether or not anything was found.
            await audit.WriteAsync(Staff.StaffId, AuditAction.Searched, detail: Search.Trim(), cancellationToken: cancellationToken);
        }
        Districts = (await db.Districts.OrderBy(d => d.Name).Select(d => new { d.Id, d.Name }).ToListAsync(cancellationToken))
            .Select(d => (d.Id, d.Name)).ToList();
        Workers = await workflow.SocialWorkersAsync(cancellationToken);
        return Page();
    }

    private static QueueTab DefaultTab(StaffScope staff, IReadOnlyList<QueueTab> tabs) =>
        staff.IsIn(StaffRole.SocialWorker) || staff.IsIn(StaffRole.FamilyAssistant) ? QueueTab.Mine : tabs[0];
}
