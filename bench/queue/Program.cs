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
// and by PESEL, and the tab counts the page shows. Target: p95 under 100 ms for each first page and each set of counts.
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
    ("clerk, search a surname nobody has ('Zawadzka')", clerk, new() { Search = "Zawadzka" }),
    ("clerk, search PESEL", clerk, new() { Search = pesel }),
    ("clerk, search a whole case number", clerk, new() { Search = "bench.4010.77777.2026" }),
    ("social worker, tab mine", worker, new() { Tab = QueueTab.Mine }),
    ("social worker, my districts + referral", worker, new() { Tab = QueueTab.MyDistricts, Type = CaseType.Referral }),
};

const double Target = 100;
var missed = new List<string>();
var slowest = 0.0;
void Report(string name, Percentiles p)
{
    var met = p.At(95) < Target;
    slowest = Math.Max(slowest, p.At(95));
    if (!met)
    {
        missed.Add(name);
    }
    Console.WriteLine($"{name,-56} {p.At(50),8:F1} {p.At(95),8:F1} {p.Max,8:F1}  {(met ? "ok" : "MISSED")}");
}

Console.WriteLine();
Console.WriteLine($"{"first page (25 rows), " + Runs + " runs each",-56} {"p50 ms",8} {"p95 ms",8} {"max ms",8}");
foreach (var (name, staff, query) in scenarios)
{
    Report(name, await TimeAsync(() => queue.PageAsync(staff, query)));
    if (args.Contains("--plans"))
    {
        Console.WriteLine(await PlanAsync(queue.PageQuery(staff, query)));
    }
}

// The counts beside the tabs: every tab of the person's queue in one call, as the page asks for them.
Console.WriteLine();
Console.WriteLine($"{"tab counts shown beside the list, " + Runs + " runs each",-56} {"p50 ms",8} {"p95 ms",8} {"max ms",8}");
var people = new[] { ("clerk", clerk), ("social worker", worker), ("family assistant", await As("k.lewandowska@ops.example")), ("director", await As("dyrektor@ops.example")) };
foreach (var (name, staff) in people)
{
    Report(name, await TimeAsync(() => queue.CountsAsync(staff)));
    // Shown as the page shows them, and checked against counting each tab's cases one by one (slow, once).
    var shown = await queue.CountsAsync(staff);
    var wrong = new List<string>();
    foreach (var (tab, count) in shown)
    {
        var counted = await queue.CountQuery(staff, tab).CountAsync();
        if (counted != count)
        {
            wrong.Add($"{tab} shows {count:N0} but holds {counted:N0}");
        }
    }
    Console.WriteLine("    " + string.Join(", ", shown.Select(c => $"{c.Key} {c.Value:N0}")) + (wrong.Count == 0 ? " (exact)" : ""));
    if (wrong.Count > 0)
    {
        missed.Add($"{name}'s counts are wrong: {string.Join(", ", wrong)}");
    }
    if (args.Contains("--plans"))
    {
        Console.WriteLine(await PlanAsync(queue.CountsQuery(staff)));
    }
}

// What loading the queue page costs in the database: the counts and the first page of the person's first tab.
Console.WriteLine();
Console.WriteLine($"{"the queue page (counts + first page), " + Runs + " runs each",-56} {"p50 ms",8} {"p95 ms",8} {"max ms",8}");
foreach (var (name, staff) in people)
{
    var tab = CaseQueue.TabsFor(staff)[0];
    Report($"{name}, tab {tab}", await TimeAsync(async () =>
    {
        await queue.CountsAsync(staff);
        return await queue.PageAsync(staff, new QueueQuery { Tab = tab });
    }));
}

Console.WriteLine();
Console.WriteLine(missed.Count == 0
    ? $"OK: every first page, every set of tab counts and every page load has p95 under {Target} ms (slowest p95 {slowest:F1} ms)."
    : $"MISSED: the target is p95 under {Target} ms for each; missed by {missed.Count} (slowest p95 {slowest:F1} ms): {string.Join("; ", missed)}.");
return missed.Count == 0 ? 0 : 1;

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
