using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Parasol.Core.Access;
using Parasol.Core.Cases;
using Parasol.Core.Data;
using Parasol.Core.Queue;
using Parasol.Core.Seeding;
using Parasol.Core.Time;
using Parasol.Core.Workflow;
using Parasol.Testing;

namespace Parasol.Core.Tests.Queue;

/// <summary>
/// The counts beside the queue's tabs come from tallies the database keeps (<see cref="QueueTally"/>), not from counting
/// the cases on every page view: whatever happens to the cases, every member of staff must still see exactly as many
/// cases counted as the tab holds.
/// </summary>
public sealed class QueueCountTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _services = _database.CreateServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(_time)));
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Every_member_of_staff_sees_each_tab_counted_exactly()
    {
        var counts = await AssertCountsAreExactAsync();

        Assert.Contains(counts, c => c is { Email: "kancelaria@ops.example", Tab: QueueTab.New, Count: > 0 });
        Assert.Contains(counts, c => c is { Email: "a.kowalska@ops.example", Tab: QueueTab.MyDistricts, Count: > 0 });
        Assert.Contains(counts, c => c is { Tab: QueueTab.Overdue, Count: > 0 });
        Assert.DoesNotContain(counts, c => c.Email == "admin@ops.example");
    }

    [Fact]
    public async Task Counts_follow_a_case_through_assignment_interview_completion_request_closing_and_a_merge()
    {
        var caseId = (await TestCases.SubmitAsync(_services)).Id;
        var before = await AssertCountsAreExactAsync();
        var worker = await UserIdAsync("a.kowalska@ops.example");

        Assert.True((await StepAsync("kancelaria@ops.example", (w, s) => w.AssignSocialWorkerAsync(s, caseId, worker))).Succeeded);
        var assigned = await AssertCountsAreExactAsync();
        Assert.Equal(Count(before, "kancelaria@ops.example", QueueTab.New) - 1, Count(assigned, "kancelaria@ops.example", QueueTab.New));
        Assert.Equal(Count(before, "a.kowalska@ops.example", QueueTab.Mine) + 1, Count(assigned, "a.kowalska@ops.example", QueueTab.Mine));

        Assert.True((await StepAsync("a.kowalska@ops.example", (w, s) => w.ChangeStatusAsync(s, caseId, CaseStatus.InterviewPlanned))).Succeeded);
        await AssertCountsAreExactAsync();

        var due = WarsawTime.Today(_time).AddDays(14);
        Assert.True((await StepAsync("a.kowalska@ops.example", (w, s) => w.ChangeStatusAsync(s, caseId, CaseStatus.CompletionRequested, completionDueOn: due))).Succeeded);
        var waiting = await AssertCountsAreExactAsync();
        Assert.Equal(Count(assigned, "dyrektor@ops.example", QueueTab.WaitingForApplicant) + 1, Count(waiting, "dyrektor@ops.example", QueueTab.WaitingForApplicant));

        Assert.True((await StepAsync("a.kowalska@ops.example", (w, s) => w.ChangeStatusAsync(s, caseId, CaseStatus.WithSocialWorker))).Succeeded);
        Assert.True((await StepAsync("a.kowalska@ops.example", (w, s) => w.ChangeStatusAsync(s, caseId, CaseStatus.InterviewPlanned))).Succeeded);
        Assert.True((await StepAsync("a.kowalska@ops.example", (w, s) => w.ChangeStatusAsync(s, caseId, CaseStatus.InterviewDone))).Succeeded);
        Assert.Equal(assigned, await AssertCountsAreExactAsync());
        Assert.True((await StepAsync("a.kowalska@ops.example", (w, s) => w.ChangeStatusAsync(s, caseId, CaseStatus.Closed, reason: "Rodzina nie potrzebuje asystenta"))).Succeeded);
        var closed = await AssertCountsAreExactAsync();
        Assert.Equal(Count(before, "kancelaria@ops.example", QueueTab.All) - 1, Count(closed, "kancelaria@ops.example", QueueTab.All));

        var duplicate = (await TestCases.SubmitAsync(_services)).Id;
        var target = await NumberAsync(caseId);
        Assert.True((await StepAsync("kancelaria@ops.example", (w, s) => w.MergeAsync(s, duplicate, target))).Succeeded);
        Assert.Equal(closed, await AssertCountsAreExactAsync());
    }

    [Fact]
    public async Task A_case_counts_as_overdue_once_its_deadline_has_passed_without_anything_being_saved()
    {
        var today = WarsawTime.Today(_time);
        var caseId = (await TestCases.SubmitAsync(_services, c =>
        {
            c.DecisionDueOn = today.AddDays(30);
            c.InterviewDueOn = today.AddDays(1);
        })).Id;
        var before = await AssertCountsAreExactAsync();
        Assert.False(await OverdueAsync(caseId));

        _time.Advance(TimeSpan.FromDays(1)); // due today: not overdue yet
        Assert.False(await OverdueAsync(caseId));
        await AssertCountsAreExactAsync();
        _time.Advance(TimeSpan.FromDays(1));

        Assert.True(await OverdueAsync(caseId));
        var after = await AssertCountsAreExactAsync();
        Assert.True(Count(after, "kancelaria@ops.example", QueueTab.Overdue) > Count(before, "kancelaria@ops.example", QueueTab.Overdue));
    }

    [Fact]
    public async Task Counts_stay_exact_whatever_writes_the_cases_in_every_status()
    {
        var today = WarsawTime.Today(_time);
        var assistant = await UserIdAsync("k.lewandowska@ops.example");
        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ParasolDbContext>();
            var districts = await db.Districts.Select(d => d.Id).ToListAsync();
            var cases = await db.Cases.OrderBy(c => c.Number).ToListAsync();
            var statuses = Enum.GetValues<CaseStatus>();
            for (var i = 0; i < cases.Count; i++)
            {
                // Every status, each with deadlines passed and still to come, moved between districts and assistants.
                var c = cases[i];
                c.Status = statuses[i % statuses.Length];
                c.DecisionDueOn = i % 4 == 0 ? null : today.AddDays(i % 2 == 0 ? -3 : 3);
                c.InterviewDueOn = today.AddDays((i % 3) - 1);
                c.CompletionDueOn = i % 5 == 0 ? today.AddDays(-2) : null;
                c.DistrictId = districts[i % districts.Count];
                c.FamilyAssistantId = i % 6 == 0 ? assistant : null;
            }
            await db.SaveChangesAsync();
            await AssertCountsAreExactAsync();

            db.Cases.Remove(cases[0]);
            await db.SaveChangesAsync();
            await db.Cases.Where(c => c.Status == CaseStatus.Received).ExecuteUpdateAsync(s => s.SetProperty(c => c.SocialWorkerId, (Guid?)null).SetProperty(c => c.DistrictId, (Guid?)null));
            await db.Cases.Where(c => c.Status == CaseStatus.Monitoring).ExecuteUpdateAsync(s => s.SetProperty(c => c.DecisionDueOn, today.AddDays(-10)));
        }
        await AssertCountsAreExactAsync();
    }

    [Fact]
    public async Task Counts_stay_exact_when_staff_change_cases_at_the_same_time()
    {
        var worker = await UserIdAsync("m.zielinska@ops.example");
        var cases = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            cases.Add((await TestCases.SubmitAsync(_services)).Id);
        }
        var before = await AssertCountsAreExactAsync();

        var results = await Task.WhenAll(cases.Select(id => StepAsync("kancelaria@ops.example", (w, s) => w.AssignSocialWorkerAsync(s, id, worker))));

        Assert.All(results, r => Assert.True(r.Succeeded));
        var after = await AssertCountsAreExactAsync();
        Assert.Equal(Count(before, "kancelaria@ops.example", QueueTab.New) - 12, Count(after, "kancelaria@ops.example", QueueTab.New));
    }

    [Fact]
    public async Task Compacting_the_tallies_folds_them_to_one_row_per_combination_and_changes_no_count()
    {
        var worker = await UserIdAsync("m.zielinska@ops.example");
        for (var i = 0; i < 6; i++)
        {
            var id = (await TestCases.SubmitAsync(_services)).Id;
            Assert.True((await StepAsync("kancelaria@ops.example", (w, s) => w.AssignSocialWorkerAsync(s, id, worker))).Succeeded);
        }
        var before = await AssertCountsAreExactAsync();
        var rowsBefore = await TallyRowsAsync();

        await using (var db = _database.CreateDbContext())
        {
            var job = new QueueTallyCompactionJob(db, Microsoft.Extensions.Logging.Abstractions.NullLogger<QueueTallyCompactionJob>.Instance);
            Assert.Equal(rowsBefore.Rows - rowsBefore.Combinations, await job.ExecuteAsync(CancellationToken.None));
        }

        var rowsAfter = await TallyRowsAsync();
        Assert.True(rowsBefore.Rows > rowsBefore.Combinations, $"{rowsBefore}: each submit and assignment adds rows of deltas");
        Assert.Equal(rowsAfter.Combinations, rowsAfter.Rows);
        Assert.Equal(before, await AssertCountsAreExactAsync());
    }

    private async Task<(int Rows, int Combinations)> TallyRowsAsync()
    {
        await using var db = _database.CreateDbContext();
        var rows = await db.QueueTallies.CountAsync();
        var combinations = await db.QueueTallies
            .GroupBy(t => new { t.Status, t.DistrictId, t.SocialWorkerId, t.FamilyAssistantId, t.EarliestDueOn })
            .Where(g => g.Sum(t => t.Cases) != 0).CountAsync();
        return (rows, combinations);
    }

    private sealed record TabCount(string Email, QueueTab Tab, int Count);

    private static int Count(IEnumerable<TabCount> counts, string email, QueueTab tab) => counts.Single(c => c.Email == email && c.Tab == tab).Count;

    /// <summary>For every demo account: the counts the queue page shows equal counting each tab's cases one by one.</summary>
    private async Task<List<TabCount>> AssertCountsAreExactAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParasolDbContext>();
        var access = scope.ServiceProvider.GetRequiredService<CaseAccess>();
        var queue = scope.ServiceProvider.GetRequiredService<CaseQueue>();
        var shown = new List<TabCount>();
        var counted = new List<TabCount>();
        foreach (var (email, _, _, _) in DemoStaff.Accounts)
        {
            var staff = await access.ForStaffAsync(await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
            var counts = await queue.CountsAsync(staff);
            Assert.Equal(CaseQueue.TabsFor(staff), counts.Keys);
            foreach (var (tab, count) in counts)
            {
                shown.Add(new TabCount(email, tab, count));
                counted.Add(new TabCount(email, tab, await queue.CountQuery(staff, tab).CountAsync()));
            }
        }
        Assert.Equal(counted, shown);
        return shown;
    }

    private async Task<WorkflowResult> StepAsync(string email, Func<CaseWorkflowService, StaffScope, Task<WorkflowResult>> step)
    {
        await using var scope = _services.CreateAsyncScope();
        var staff = await scope.ServiceProvider.GetRequiredService<CaseAccess>().ForStaffAsync(await UserIdAsync(email));
        return await step(scope.ServiceProvider.GetRequiredService<CaseWorkflowService>(), staff);
    }

    private async Task<bool> OverdueAsync(Guid caseId)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParasolDbContext>();
        var clerk = await scope.ServiceProvider.GetRequiredService<CaseAccess>().ForStaffAsync(await UserIdAsync("kancelaria@ops.example"));
        return await scope.ServiceProvider.GetRequiredService<CaseQueue>().InTab(clerk, QueueTab.Overdue).AnyAsync(c => c.Id == caseId);
    }

    private async Task<Guid> UserIdAsync(string email)
    {
        await using var db = _database.CreateDbContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private async Task<string> NumberAsync(Guid caseId)
    {
        await using var db = _database.CreateDbContext();
        return await db.Cases.Where(c => c.Id == caseId).Select(c => c.Number).SingleAsync();
    }
}
