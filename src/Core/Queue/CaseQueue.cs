using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Parasol.Core.Access;
using Parasol.Core.Cases;
using Parasol.Core.Data;
using Parasol.Core.Staff;
using Parasol.Core.Time;

namespace Parasol.Core.Queue;

/// <summary>
/// The triage queue: tabs, filters and search over the cases a person may see, sorted by urgency, then the KPA deadline,
/// then the time received, and paged by keyset (index <c>ix_cases_queue_order</c>).
/// </summary>
public sealed class CaseQueue(TimeProvider time)
{
    private static readonly CaseStatus[] BeforeInterview = [CaseStatus.Received, CaseStatus.WithSocialWorker, CaseStatus.InterviewPlanned];

    public static IReadOnlyList<QueueTab> TabsFor(StaffScope staff)
    {
        var tabs = new List<QueueTab>();
        if (staff.CanTriage)
        {
            tabs.Add(QueueTab.New);
        }
        if (staff.IsIn(StaffRole.SocialWorker) || staff.IsIn(StaffRole.FamilyAssistant))
        {
            tabs.Add(QueueTab.Mine);
        }
        if (staff.IsIn(StaffRole.SocialWorker) && staff.DistrictIds.Count > 0)
        {
            tabs.Add(QueueTab.MyDistricts);
        }
        if (staff.HasCaseRole)
        {
            tabs.AddRange([QueueTab.WaitingForApplicant, QueueTab.Overdue, QueueTab.All]);
        }
        return tabs;
    }

    public IQueryable<Case> InTab(StaffScope staff, QueueTab tab)
    {
        var cases = staff.Cases.Where(c => c.Status != CaseStatus.Merged);
        var today = WarsawTime.Today(time);
        var me = staff.StaffId;
        var districts = staff.DistrictIds.ToList();
        return tab switch
        {
            QueueTab.New => cases.Where(c => c.Status == CaseStatus.Received && c.SocialWorkerId == null),
            QueueTab.Mine => cases.Where(c => c.SocialWorkerId == me || c.FamilyAssistantId == me),
            QueueTab.MyDistricts => cases.Where(c => c.DistrictId != null && districts.Contains(c.DistrictId.Value)),
            QueueTab.WaitingForApplicant => cases.Where(c => c.Status == CaseStatus.CompletionRequested),
            QueueTab.Overdue => cases.Where(c => CaseWorkflowStatuses.Open.Contains(c.Status) && (
                c.DecisionDueOn < today ||
                (c.InterviewDueOn < today && BeforeInterview.Contains(c.Status)) ||
                (c.CompletionDueOn < today && c.Status == CaseStatus.CompletionRequested))),
            _ => cases,
        };
    }

    /// <summary>
    /// The count beside each tab, exact: sums of the queue's tallies (<see cref="QueueTally"/>) in one query, so the cost
    /// follows the number of distinct assignments and deadlines, not the number of cases. Same cases as
    /// <see cref="CountQuery"/>.
    /// </summary>
    public async Task<IReadOnlyDictionary<QueueTab, int>> CountsAsync(StaffScope staff, CancellationToken cancellationToken = default)
    {
        var sums = await CountsQuery(staff).SingleOrDefaultAsync(cancellationToken);
        var counts = new Dictionary<QueueTab, int>();
        foreach (var tab in TabsFor(staff))
        {
            counts[tab] = sums is null ? 0 : tab switch
            {
                QueueTab.New => sums.New,
                QueueTab.Mine => sums.Mine,
                QueueTab.MyDistricts => sums.MyDistricts,
                QueueTab.WaitingForApplicant => sums.WaitingForApplicant,
                QueueTab.Overdue => sums.Overdue,
                _ => sums.All,
            };
        }
        return counts;
    }

    /// <summary>The SQL of the counts (one row, none when the person sees no case); the benchmark explains it.</summary>
    public IQueryable<TabCounts> CountsQuery(StaffScope staff)
    {
        var today = WarsawTime.Today(time);
        var me = staff.StaffId;
        var districts = staff.DistrictIds.ToList();
        var open = CaseWorkflowStatuses.Open;
        return staff.Tallies
            .Where(t => t.Status != CaseStatus.Merged)
            .GroupBy(_ => 1)
            .Select(g => new TabCounts(
                g.Where(t => t.Status == CaseStatus.Received && t.SocialWorkerId == null).Sum(t => t.Cases),
                g.Where(t => t.SocialWorkerId == me || t.FamilyAssistantId == me).Sum(t => t.Cases),
                g.Where(t => t.DistrictId != null && districts.Contains(t.DistrictId.Value)).Sum(t => t.Cases),
                g.Where(t => t.Status == CaseStatus.CompletionRequested).Sum(t => t.Cases),
                g.Where(t => open.Contains(t.Status) && t.EarliestDueOn < today).Sum(t => t.Cases),
                g.Where(t => open.Contains(t.Status)).Sum(t => t.Cases)));
    }

    /// <summary>What a tab's count counts: its cases, and for "all" only the open ones (the definition the tallies follow).</summary>
    public IQueryable<Case> CountQuery(StaffScope staff, QueueTab tab)
    {
        var cases = InTab(staff, tab);
        return tab == QueueTab.All ? cases.Where(c => CaseWorkflowStatuses.Open.Contains(c.Status)) : cases;
    }

    public async Task<QueuePage> PageAsync(StaffScope staff, QueueQuery query, CancellationToken cancellationToken = default)
    {
        var size = Math.Clamp(query.PageSize, 1, 100);
        var rows = await PageQuery(staff, query with { PageSize = size }).ToListAsync(cancellationToken);
        var next = rows.Count > size ? Cursor.Of(rows[size - 1]) : null;
        return new QueuePage(rows.Take(size).ToList(), next);
    }

    /// <summary>The SQL of one page (one row more than the page, to know whether another follows); the benchmark explains it.</summary>
    public IQueryable<QueueRow> PageQuery(StaffScope staff, QueueQuery query)
    {
        var cases = Filter(InTab(staff, query.Tab), query);
        if (Cursor.TryParse(query.After) is { } after)
        {
            cases = After(cases, after);
        }
        return cases
            .OrderByDescending(c => c.IsUrgent).ThenBy(c => c.DecisionDueOn).ThenBy(c => c.ReceivedAt).ThenBy(c => c.Id)
            .Take(query.PageSize + 1)
            .Select(c => new QueueRow(c.Id, c.Number, c.Type, c.Source, c.Status, c.IsUrgent, c.ReceivedAt, c.DecisionDueOn, c.InterviewDueOn,
                c.People.OrderBy(p => p.Position).Select(p => p.LastName).FirstOrDefault(),
                c.District != null ? c.District.Name : null,
                c.SocialWorker != null ? c.SocialWorker.FirstName + " " + c.SocialWorker.LastName : null));
    }

    public static IQueryable<Case> Filter(IQueryable<Case> cases, QueueQuery query)
    {
        if (query.Type is { } type)
        {
            cases = cases.Where(c => c.Type == type);
        }
        if (query.Source is { } source)
        {
            cases = cases.Where(c => c.Source == source);
        }
        if (query.Urgent is { } urgent)
        {
            cases = cases.Where(c => c.IsUrgent == urgent);
        }
        if (query.DistrictId is { } district)
        {
            cases = cases.Where(c => c.DistrictId == district);
        }
        if (query.AssigneeId is { } assignee)
        {
            cases = cases.Where(c => c.SocialWorkerId == assignee || c.FamilyAssistantId == assignee);
        }
        if (query.Status is { } status)
        {
            cases = cases.Where(c => c.Status == status);
        }
        if (query.ReceivedFrom is { } from && WarsawTime.StartOfDay(from) is { } start)
        {
            cases = cases.Where(c => c.ReceivedAt >= start);
        }
        if (query.ReceivedTo is { } to && WarsawTime.EndOfDay(to) is { } end)
        {
            cases = cases.Where(c => c.ReceivedAt < end);
        }
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var search = query.Search.Trim();
            if (search.Length == 11 && search.All(char.IsAsciiDigit))
            {
                cases = cases.Where(c => c.People.Any(p => p.Pesel == search));
            }
            else if (System.Text.RegularExpressions.Regex.IsMatch(search, @"^[\p{L}]+(\.\d+){2,3}\.\d{4}$"))
            {
                // A whole case number: the unique index answers it.
                var number = search.ToUpperInvariant();
                cases = cases.Where(c => c.Number == number);
            }
            else if (search.Any(char.IsAsciiDigit))
            {
                var pattern = LikePattern.Containing(search.ToUpperInvariant());
                cases = cases.Where(c => EF.Functions.Like(c.Number, pattern));
            }
            else
            {
                var folded = SearchText.Fold(search);
                cases = cases.Where(c => c.People.Any(p => p.SearchName.StartsWith(folded)));
            }
        }
        return cases;
    }

    private static IQueryable<Case> After(IQueryable<Case> cases, Cursor k)
    {
        // ORDER BY is_urgent DESC, decision_due_on ASC NULLS LAST, received_at, id: rows strictly after the cursor.
        var sameUrgency = cases.Where(c => c.IsUrgent == k.Urgent);
        IQueryable<Case> later = k.DueOn is { } due
            ? sameUrgency.Where(c => c.DecisionDueOn > due || c.DecisionDueOn == null ||
                (c.DecisionDueOn == due && (c.ReceivedAt > k.ReceivedAt || (c.ReceivedAt == k.ReceivedAt && c.Id.CompareTo(k.Id) > 0))))
            : sameUrgency.Where(c => c.DecisionDueOn == null &&
                (c.ReceivedAt > k.ReceivedAt || (c.ReceivedAt == k.ReceivedAt && c.Id.CompareTo(k.Id) > 0)));
        return k.Urgent ? later.Union(cases.Where(c => !c.IsUrgent)) : later;
    }

    private sealed record Cursor(bool Urgent, DateOnly? DueOn, DateTimeOffset ReceivedAt, Guid Id)
    {
        public static string Of(QueueRow row)
        {
            var text = string.Join('|', row.IsUrgent ? "1" : "0",
                row.DecisionDueOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                row.ReceivedAt.UtcTicks.ToString(CultureInfo.InvariantCulture), row.Id.ToString("N"));
            return Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        }

        public static Cursor? TryParse(string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return null;
            }
            try
            {
                var base64 = value.Replace('-', '+').Replace('_', '/');
                base64 += new string('=', (4 - (base64.Length % 4)) % 4);
                var parts = Encoding.UTF8.GetString(Convert.FromBase64String(base64)).Split('|');
                return new Cursor(parts[0] == "1",
                    parts[1].Length == 0 ? null : DateOnly.ParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture),
                    new DateTimeOffset(long.Parse(parts[2], CultureInfo.InvariantCulture), TimeSpan.Zero),
                    Guid.ParseExact(parts[3], "N"));
            }
            catch (Exception e) when (e is FormatException or IndexOutOfRangeException or ArgumentException)
            {
                return null;
            }
        }
    }
}

/// <summary>Open statuses as an array EF can send to the database.</summary>
internal static class CaseWorkflowStatuses
{
    public static readonly CaseStatus[] Open = Enum.GetValues<CaseStatus>().Where(s => s.IsOpen()).ToArray();
}
