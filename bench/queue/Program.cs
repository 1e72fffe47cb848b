using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Parasol.Bench.Queue;
using Parasol.Core.Access;
using Parasol.Core.Cases;
using Parasol.Core.Data;
using Parasol.Core.Queue;
using Parasol.Testing;

// The queue's first page with 100,000 cases: seeds a throwaway database (the test PostgreSQL, or ConnectionStrings__Default's
// server via PARASOL_TEST_POSTGRES as the tests use it), then prints what PostgreSQL reports for each query a person
// would send from the queue. Target: under 100 ms at the database for the first page with filters.
const int Cases = 100_000;
const int Runs = 7;

await using var database = await TestDatabase.CreateAsync(seedDemoData: true);
var seeding = Stopwatch.StartNew();
await using (var connection = new NpgsqlConnection(database.ConnectionString))
{
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(SeedSql.Text.Replace("@cases", Cases.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal), connection) { CommandTimeout = 600 };
    await command.ExecuteNonQueryAsync();
}
Console.WriteLine($"Seeded {Cases:N0} cases (and two people each) in {seeding.Elapsed.TotalSeconds:F1} s.");

await using var services = database.CreateServices();
await using var scope = services.CreateAsyncScope();
var db = scope.ServiceProvider.GetRequiredService<ParasolDbContext>();
var access = scope.ServiceProvider.GetRequiredService<CaseAccess>();
var queue = scope.ServiceProvider.GetRequiredService<CaseQueue>();
async Task<StaffScope> As(string email) => await access.ForStaffAsync(await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
var clerk = await As("kancelaria@ops.example");
var worker = await As("j.wisniewski@ops.example");
var centrum = await db.Districts.Where(d => d.Name == "Centrum").Select(d => d.Id).SingleAsync();
var pesel = await db.CasePeople.Where(p => p.Pesel != null).OrderBy(p => p.Id).Select(p => p.Pesel).Skip(5000).FirstAsync();
var today = DateOnly.FromDateTime(DateTime.UtcNow);

var scenarios = new (string Name, StaffScope Staff, QueueQuery Query)[]
{
    ("clerk, all open cases, no filter", clerk, new() { Tab = QueueTab.All }),
    ("clerk, tab new", clerk, new() { Tab = QueueTab.New }),
    ("clerk, referral + school + urgent", clerk, new() { Type = CaseType.Referral, Source = CaseSource.School, Urgent = true }),
    ("clerk, district Centrum + status with a social worker", clerk, new() { DistrictId = centrum, Status = CaseStatus.WithSocialWorker }),
    ("clerk, received in the last 30 days + type", clerk, new() { ReceivedFrom = today.AddDays(-30), ReceivedTo = today, Type = CaseType.AssistantRequest }),
    ("clerk, tab overdue", clerk, new() { Tab = QueueTab.Overdue }),
    ("clerk, tab waiting for the applicant", clerk, new() { Tab = QueueTab.WaitingForApplicant }),
    ("clerk, search surname 'wisniew'", clerk, new() { Search = "wisniew" }),
    ("clerk, search PESEL", clerk, new() { Search = pesel }),
    ("clerk, search a whole case number", clerk, new() { Search = "bench.4010.77777.2026" }),
    ("clerk, search part of a case number", clerk, new() { Search = "4010.77777" }),
    ("social worker, tab mine", worker, new() { Tab = QueueTab.Mine }),
    ("social worker, my districts + referral", worker, new() { Tab = QueueTab.MyDistricts, Type = CaseType.Referral }),
};

await using var explain = new NpgsqlConnection(database.ConnectionString);
await explain.OpenAsync();
var worst = 0.0;
Console.WriteLine();
Console.WriteLine($"{"query (first page, 25 rows)",-58} {"median ms",10} {"max ms",8}");
foreach (var (name, staff, query) in scenarios)
{
    var (median, max, plan) = await ExplainAsync(queue.PageQuery(staff, query));
    worst = Math.Max(worst, median);
    Console.WriteLine($"{name,-58} {median,10:F2} {max,8:F2}");
    if (args.Contains("--plans"))
    {
        Console.WriteLine(plan);
    }
}
Console.WriteLine();
Console.WriteLine($"{"tab counts (one COUNT per tab)",-58} {"median ms",10} {"max ms",8}");
foreach (var tab in CaseQueue.TabsFor(clerk))
{
    var (median, max, _) = await ExplainAsync(queue.CountQuery(clerk, tab).Select(c => c.Id).Take(1_000_000).GroupBy(_ => 1).Select(g => g.Count()));
    Console.WriteLine($"{"clerk, count " + tab,-58} {median,10:F2} {max,8:F2}");
}
Console.WriteLine();
Console.WriteLine(worst < 100 ? $"OK: every first page answers in under 100 ms at the database (slowest median {worst:F2} ms)." : $"TOO SLOW: slowest median {worst:F2} ms.");

async Task<(double Median, double Max, string Plan)> ExplainAsync<T>(IQueryable<T> query)
{
    await using var source = query.CreateDbCommand();
    var times = new List<double>();
    var plan = "";
    for (var i = 0; i < Runs; i++)
    {
        await using var command = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + source.CommandText, explain);
        foreach (NpgsqlParameter parameter in source.Parameters)
        {
            command.Parameters.Add(parameter.Clone());
        }
        var lines = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }
        }
        plan = string.Join('\n', lines);
        double Ms(string prefix) => double.Parse(lines.Single(l => l.StartsWith(prefix, StringComparison.Ordinal))[prefix.Length..].Replace(" ms", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        times.Add(Ms("Planning Time: ") + Ms("Execution Time: "));
    }
    times.Sort();
    return (times[times.Count / 2], times[^1], plan);
}
