using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parasol.Core.Access;
using Parasol.Core.Cases;
using Parasol.Core.Data;
using Parasol.Core.Queue;
using Parasol.Testing;

namespace Parasol.Core.Tests.Queue;

public sealed class CaseQueueTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;
    private AsyncServiceScope _scope;
    private ParasolDbContext _db = null!;
    private CaseQueue _queue = null!;
    private StaffScope _clerk = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _services = _database.CreateServices();
        _scope = _services.CreateAsyncScope();
        _db = _scope.ServiceProvider.GetRequiredService<ParasolDbContext>();
        _queue = _scope.ServiceProvider.GetRequiredService<CaseQueue>();
        var id = await _db.Users.Where(u => u.Email == "kancelaria@ops.example").Select(u => u.Id).SingleAsync();
        _clerk = await _scope.ServiceProvider.GetRequiredService<CaseAccess>().ForStaffAsync(id);
    }

    public async Task DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Keyset_pages_walk_every_case_once_urgent_first_then_by_deadline_then_by_receipt()
    {
        var seen = new List<QueueRow>();
        string? after = null;
        do
        {
            var page = await _queue.PageAsync(_clerk, new QueueQuery { Tab = QueueTab.All, PageSize = 7, After = after });
            seen.AddRange(page.Rows);
            after = page.NextCursor;
        }
        while (after is not null);

        Assert.Equal(await _db.Cases.CountAsync(c => c.Status != CaseStatus.Merged), seen.Count);
        Assert.Equal(seen.Count, seen.Select(r => r.Id).Distinct().Count());
        var expected = seen.OrderByDescending(r => r.IsUrgent).ThenBy(r => r.DecisionDueOn ?? DateOnly.MaxValue).ThenBy(r => r.ReceivedAt).ThenBy(r => r.Id).Select(r => r.Id);
        Assert.Equal(expected, seen.Select(r => r.Id));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_surname_is_found_in_any_case_with_or_without_polish_letters(bool withoutMarks)
    {
        var person = (await _db.CasePeople.AsNoTracking().ToListAsync()).First(p => p.LastName.IndexOfAny(['ś', 'ł', 'ż', 'ń']) >= 0);
        var search = withoutMarks ? SearchText.Fold(person.LastName).ToUpperInvariant() : person.LastName.ToLowerInvariant();

        var page = await _queue.PageAsync(_clerk, new QueueQuery { Search = search, PageSize = 100 });

        Assert.Contains(page.Rows, r => r.Id == person.CaseId);
    }

    [Fact]
    public async Task A_case_is_found_by_its_number_and_by_a_pesel_in_it()
    {
        var person = await _db.CasePeople.AsNoTracking().FirstAsync(p => p.Pesel != null);
        var number = await _db.Cases.Where(c => c.Id == person.CaseId).Select(c => c.Number).SingleAsync();

        var byNumber = await _queue.PageAsync(_clerk, new QueueQuery { Search = number.ToLowerInvariant() });
        var byPesel = await _queue.PageAsync(_clerk, new QueueQuery { Search = person.Pesel });

        Assert.Equal(person.CaseId, Assert.Single(byNumber.Rows).Id);
        Assert.Contains(byPesel.Rows, r => r.Id == person.CaseId);
    }

    [Fact]
    public async Task The_new_tab_holds_received_unassigned_cases_and_counts_them()
    {
        var counts = await _queue.CountsAsync(_clerk);
        var page = await _queue.PageAsync(_clerk, new QueueQuery { Tab = QueueTab.New, PageSize = 100 });

        Assert.NotEmpty(page.Rows);
        Assert.All(page.Rows, r => Assert.Equal(CaseStatus.Received, r.Status));
        Assert.Equal(page.Rows.Count, counts[QueueTab.New]);
        Assert.DoesNotContain(QueueTab.MyDistricts, counts.Keys);
    }
}
