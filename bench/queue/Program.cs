using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Parasol.Bench;
using Parasol.Bench.Queue;
using Parasol.Core.Access;
using Parasol.Core.Cases;
using Parasol.Core.Data;
using Parasol.Core.Queue;
using Parasol.Testing;

// The back office's queue with 1,000,000 cases: seeds a throwaway database with set-based SQL, then times the queue's
// first page (CaseQueue.PageAsync, as the page sends it, rows read back) with each filter and tab, a search by surname
// and by PESEL, and the tab counts the page shows. Target: p95 under 100 ms for each first page.
var cases = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : 1_000_000;
const int Runs = 30;

await using var database = await TestDatabase.CreateAsync(seedDemoData: true);
var seeding = Stopwatch.StartNew();
await using (var connection = new NpgsqlConnection(database.ConnectionString))
{
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(SeedSql.Text.Replace("@cases", cases.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal), connection) { CommandTimeout = 0 };
    await command.ExecuteNonQueryAsync();
}
Console.WriteLine($"Seeded {cases:N0} cases (and two people each) in {seeding.Elapsed.TotalSeconds:F1} s.");

await using var services = database.CreateServices();
await using var scope = services.CreateAsyncScope();
var db = scope.ServiceProvider.GetRequiredService<ParasolDbContext>();
var access = scope.ServiceProvider.GetRequiredService<CaseAccess>();
var queue = scope.ServiceProvider.GetRequiredService<CaseQueue>();
async Task<StaffScope> As(string email) => await access.ForStaffAsync(await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
var clerk = await As("kancelaria@ops.example");
var worker = await As("j.wisniewski@ops.example");
var centrum = await db.Districts.Where(d => d.Name == "Centrum").Select(d => d.Id).SingleAsync();
var assignee = await db.Cases.Where(c => c.SocialWorkerId != null).Select(c => c.SocialWorkerId).FirstAsync();
var pesel = await db.CasePeople.Where(p => p.Pesel != null).OrderBy(p => p.Id).Select(p => p.Pesel).Skip(5000).FirstAsync();
var today = DateOnly.FromDateTime(DateTime.UtcNow);

var scenarios = new (string Name, StaffScope Staff, QueueQuery Query)[]
{
    ("clerk, tab all (open cases), no filter", clerk, new() { Tab = QueueTab.All }),
    ("clerk, tab new", clerk, new() { Tab = QueueTab.New }),
    ("clerk, tab overdue", clerk, new() { Tab = QueueTab.Overdue }),
    ("clerk, tab waiting for the applicant", clerk, new() { Tab = QueueTab.WaitingForApplicant }),
    ("clerk, filter type", clerk, new() { Type = CaseType.Referral }),
    ("clerk, filter source", clerk, new() { Source = CaseSource.School }),
    ("clerk, filter urgent", clerk, new() { Urgent = true }),
    ("clerk, filter district", clerk, new() { DistrictId = centrum }),
    ("clerk, filter assignee", clerk, new() { AssigneeId = assignee }),
    ("clerk, filter status", clerk, new() { Status = CaseStatus.InterviewDone }),
    ("clerk, filter received in the last 30 days", clerk, new() { ReceivedFrom = today.AddDays(-30), ReceivedTo = today }),
    ("clerk, referral + school + urgent", clerk, new() { Type = CaseType.Referral, Source = CaseSource.School, Urgent = true }),
    ("clerk, search surname 'wisniew'", clerk, new() { Search = "wisniew" }),
    ("clerk, search surname 'Kozłowska'", clerk, new() { Search = "Kozłowska" }),
    ("clerk, search PESEL", clerk, new() { Search = pesel }),
    ("clerk, search a whole case number", clerk, new() { Search = "bench.4010.77777.2026" }),
    ("social worker, tab mine", worker, new() { Tab = QueueTab.Mine }),
    ("social worker, my districts + referral", worker, new() { Tab = QueueTab.MyDistricts, Type = CaseType.Referral }),
};

var worst = 0.0;
Console.WriteLine();
Console.WriteLine($"{"first page (25 rows), " + Runs + " runs each",-52} {"p50 ms",8} {"p95 ms",8} {"max ms",8}");
foreach (var (name, staff, query) in scenarios)
{
    var p = await TimeAsync(() => queue.PageAsync(staff, query));
    worst = Math.Max(worst, p.At(95));
    Console.WriteLine($"{name,-52} {p.At(50),8:F1} {p.At(95),8:F1} {p.Max,8:F1}");
    if (args.Contains("--plans"))
    {
        Console.WriteLine(await PlanAsync(queue.PageQuery(staff, query)));
    }
}
Console.WriteLine();
foreach (var (name, staff) in new[] { ("clerk", clerk), ("social worker", worker) })
{
    var p = await TimeAsync(() => queue.CountsAsync(staff));
    Console.WriteLine($"{"tab counts shown beside the page, " + name,-52} {p.At(50),8:F1} {p.At(95),8:F1} {p.Max,8:F1}");
}
Console.WriteLine();
Console.WriteLine(worst < 100
    ? $"OK: every first page has p95 under 100 ms (slowest p95 {worst:F1} ms)."
    : $"MISSED: the target is p95 under 100 ms for every first page (slowest p95 {worst:F1} ms).");
return worst < 100 ? 0 : 1;

async Task<Percentiles> TimeAsync<T>(Func<Task<T>> run)
{
    await run(); // the first run compiles the query and warms the cache
    var times = new List<double>();
    for (var i = 0; i < Runs; i++)
    {
        var clock = Stopwatch.StartNew();
        await run();
        times.Add(clock.Elapsed.TotalMilliseconds);
    }
    return new Percentiles(times);
}

async Task<string> PlanAsync<T>(IQueryable<T> query)
{
    await using var source = query.CreateDbCommand();
    await using var connection = new NpgsqlConnection(database.ConnectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + source.CommandText, connection);
    foreach (NpgsqlParameter parameter in source.Parameters)
    {
        command.Parameters.Add(parameter.Clone());
    }
    var lines = new List<string>();
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        lines.Add(reader.GetString(0));
    }
    return string.Join('\n', lines);
}
