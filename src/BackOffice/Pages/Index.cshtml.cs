using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Parasol.BackOffice.Security;
using Parasol.Core.Access;
using Parasol.Core.Cases;
using Parasol.Core.Data;
using Parasol.Core.Queue;
using Parasol.Core.Staff;
using Parasol.Core.Workflow;

namespace Parasol.BackOffice.Pages;

/// <summary>
/// The queue, start page for clerks and social workers. Filters travel in the query string; the search (surnames,
/// PESEL numbers) only in a POST body, so no personal data ends up in URLs or logs.
/// </summary>
public sealed class IndexModel(CaseQueue queue, CurrentStaff current, CaseWorkflowService workflow, ParasolDbContext db) : PageModel
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
        Results = await queue.PageAsync(Staff, new QueueQuery
        {
            Tab = CurrentTab,
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
        }, cancellationToken);
        Districts = (await db.Districts.OrderBy(d => d.Name).Select(d => new { d.Id, d.Name }).ToListAsync(cancellationToken))
            .Select(d => (d.Id, d.Name)).ToList();
        Workers = await workflow.SocialWorkersAsync(cancellationToken);
        return Page();
    }

    private static QueueTab DefaultTab(StaffScope staff, IReadOnlyList<QueueTab> tabs) =>
        staff.IsIn(StaffRole.SocialWorker) || staff.IsIn(StaffRole.FamilyAssistant) ? QueueTab.Mine : tabs[0];
}
