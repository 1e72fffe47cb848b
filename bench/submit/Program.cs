using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Parasol.Bench;
using Parasol.Core.Cases;
using Parasol.Core.Outbox;
using Parasol.Testing;

// 50 applicants at once, each completing the whole family-assistant journey over HTTP with a 2 MB PDF (several journeys
// each, one after another), against the Portal process, with the BackOffice routing the cases and maildev taking the
// e-mails. Prints submissions/s, the final submit's p50/p95, the Portal's peak resident memory and the count check.
var applicants = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50;
var journeysEach = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 4;
var pdf = FamilyAssistantJourney.Pdf(2 * 1024 * 1024);
var pdfHash = Convert.ToHexStringLower(SHA256.HashData(pdf));

await using var database = await TestDatabase.CreateAsync();
// The families live all over a city: 25 districts of two social workers each take their cases, as an office would
// spread them (one district for all gave two workers thousands of open cases, which each routing counted).
IReadOnlyList<string> postalCodes;
await using (var db = database.CreateDbContext())
{
    postalCodes = await BenchOffice.AddDistrictsAsync(db, districts: 25, workersEach: 2);
}
var nextFamily = 0;
string PostalCode() => postalCodes[(int)((uint)Interlocked.Increment(ref nextFamily) % postalCodes.Count)];
await using var smtp = await Maildev.StartAsync();
var attachments = Directory.CreateTempSubdirectory("parasol-bench-attachments-");
var environment = new Dictionary<string, string>
{
    ["ConnectionStrings__Default"] = database.ConnectionString,
    ["ASPNETCORE_ENVIRONMENT"] = "Production",
    ["Mail__Host"] = "127.0.0.1",
    ["Mail__Port"] = smtp.SmtpPort.ToString(CultureInfo.InvariantCulture),
    ["Mail__Security"] = "None",
    ["Attachments__Directory"] = attachments.FullName,
    // As the Dockerfiles and run.sh start the apps: two malloc arenas (glibc's default, eight per core, left the Portal
    // with ~40 MB of idle arenas after a run).
    ["MALLOC_ARENA_MAX"] = "2",
    ["Logging__LogLevel__Default"] = "Warning",
    ["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Error",
    ["Logging__LogLevel__Microsoft.AspNetCore.DataProtection"] = "Error",
    ["Logging__Console__FormatterName"] = "simple",
    // Every simulated applicant comes from 127.0.0.1: lift the per-address limits (starts, uploads, submits) for the run.
    ["Apply__SubmitLimit__PermitLimit"] = "1000000",
    ["Apply__StartLimit__PermitLimit"] = "1000000",
    ["Apply__UploadLimit__PermitLimit"] = "1000000",
};
using var backOffice = await AppProcess.StartParasolAsync("BackOffice", environment);
using var portal = await AppProcess.StartParasolAsync("Portal", environment);
using var http = JourneyClient.CreateSharedHttp(portal.Address);
Console.Error.WriteLine($"Portal process {portal.ProcessId}, BackOffice process {backOffice.ProcessId} (for dotnet-trace or dotnet-counters)");

// Warm-up, not counted: one journey alone, then rounds of every applicant at once for at least 30 s
// (BENCH_WARMUP_SECONDS), so that what is measured is the Portal as it runs all day (the JIT's tiers settled:
// under load, methods wait their turn for the optimising compiler for tens of seconds; connection pools and thread
// pool grown), not its first minute.
var warmUpSeconds = int.TryParse(Environment.GetEnvironmentVariable("BENCH_WARMUP_SECONDS"), CultureInfo.InvariantCulture, out var w) ? w : 30;
var warmUp = Stopwatch.StartNew();
await FamilyAssistantJourney.CompleteAsync(http, pdf, PostalCode());
var warmUpJourneys = 1;
do
{
    await Task.WhenAll(Enumerable.Range(0, applicants).Select(_ => FamilyAssistantJourney.CompleteAsync(http, pdf, PostalCode())));
    warmUpJourneys += applicants;
}
while (warmUp.Elapsed < TimeSpan.FromSeconds(warmUpSeconds));
Console.WriteLine($"warm-up: {warmUpJourneys} journeys in {warmUp.Elapsed.TotalSeconds:F1} s (not counted)");
int casesBefore;
await using (var db = database.CreateDbContext())
{
    casesBefore = await db.Cases.CountAsync();
}

// Where the CPU goes over the measured run and until its last case is routed: every part runs on this machine's cores.
var postgresPort = new NpgsqlConnectionStringBuilder(database.ConnectionString).Port;
var cpu = new CpuAccount(
[
    new("Portal", (pid, _) => pid == portal.ProcessId),
    new("PostgreSQL", (_, command) => command.Contains("postgres", StringComparison.Ordinal) && command.Contains($" -p {postgresPort} ", StringComparison.Ordinal)),
    new("BackOffice", (pid, _) => pid == backOffice.ProcessId),
    new("maildev", (_, command) => command.Contains("maildev", StringComparison.Ordinal) && command.Contains($"--smtp {smtp.SmtpPort} ", StringComparison.Ordinal)),
    new("this client", (pid, _) => pid == Environment.ProcessId, WithChildren: false),
]);

// And how many statements the database runs for it, over the same window (pg_stat_statements, loaded by run.sh).
var statements = new StatementCount(database.ConnectionString);
var counting = await statements.ResetAsync();

var acknowledged = new List<Submission>();
var failures = new List<string>();
cpu.Start();
var wall = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, applicants).Select(async _ =>
{
    for (var j = 0; j < journeysEach; j++)
    {
        try
        {
            var submission = await FamilyAssistantJourney.CompleteAsync(http, pdf, PostalCode());
            lock (acknowledged)
            {
                acknowledged.Add(submission);
            }
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException)
        {
            lock (failures)
            {
                failures.Add(e.Message);
            }
        }
    }
}));
wall.Stop();
var sinceLastReceipt = Stopwatch.StartNew();
var peakMb = portal.PeakResidentMegabytes;

// The count check: every acknowledged case is stored with its file, and routed.
var numbers = acknowledged.Select(s => s.CaseNumber).ToList();
int stored, routed = 0, newCases;
await using (var db = database.CreateDbContext())
{
    newCases = await db.Cases.CountAsync() - casesBefore;
    stored = await db.Cases.CountAsync(c => numbers.Contains(c.Number)
        && c.Attachments.Count(a => a.Sha256 == pdfHash && a.SizeBytes == pdf.Length) == 1);
    var until = DateTime.UtcNow.AddSeconds(180);
    while (DateTime.UtcNow < until)
    {
        routed = await db.OutboxMessages.CountAsync(m => m.Kind == OutboxKind.RouteCase && m.ProcessedAt != null
            && db.Cases.Any(c => c.Id == m.CaseId && numbers.Contains(c.Number)));
        if (routed >= numbers.Count)
        {
            break;
        }
        await Task.Delay(250);
    }
}
// How far the BackOffice was behind when the last applicant got their receipt: the routing of the warm-up's and the
// run's cases shares the two cores with the Portal, so it catches up after the run.
var routedAfter = sinceLastReceipt.Elapsed;
var (cpuByPart, cpuMachine) = cpu.Stop();
var statementsByPart = counting ? await statements.ReadAsync() : [];
// BENCH_STATEMENTS=N also lists the N statements run most often, per journey.
var statementsTop = counting && int.TryParse(Environment.GetEnvironmentVariable("BENCH_STATEMENTS"), CultureInfo.InvariantCulture, out var top)
    ? await statements.TopAsync(top) : [];
var cpuWindow = wall.Elapsed + routedAfter;

// Where the routing put them (read after the measured window, so not counted in it): with a social worker of the
// family's own district, and the caseloads that made.
int withDistrictWorker;
List<int> caseloads;
await using (var db = database.CreateDbContext())
{
    withDistrictWorker = await db.Cases.CountAsync(c => numbers.Contains(c.Number)
        && db.Districts.Any(d => d.Id == c.DistrictId && d.SocialWorkers.Any(w => w.Id == c.SocialWorkerId)));
    var open = Enum.GetValues<CaseStatus>().Where(s => s.IsOpen()).ToList();
    caseloads = await db.Cases.Where(c => c.SocialWorkerId != null && open.Contains(c.Status))
        .GroupBy(c => c.SocialWorkerId).Select(g => g.Count()).ToListAsync();
}
var files = Directory.EnumerateFiles(attachments.FullName, "*", SearchOption.AllDirectories).Count(f => new FileInfo(f).Length == pdf.Length);

var total = applicants * journeysEach;
var submit = new Percentiles(acknowledged.Select(s => s.SubmitMilliseconds));
var journey = new Percentiles(acknowledged.Select(s => s.JourneyMilliseconds));
var perSecond = acknowledged.Count / wall.Elapsed.TotalSeconds;
Console.WriteLine($"{applicants} applicants at once, {journeysEach} journeys each, a 2 MB PDF in each: {acknowledged.Count} of {total} acknowledged in {wall.Elapsed.TotalSeconds:F1} s");
Console.WriteLine($"submissions/s: {perSecond:F1}");
Console.WriteLine($"final submit (POST → receipt page): p50 {Percentiles.Ms(submit.At(50))}, p95 {Percentiles.Ms(submit.At(95))}, max {Percentiles.Ms(submit.Max)}");
Console.WriteLine($"whole journey (9 requests and the upload): p50 {Percentiles.Ms(journey.At(50))}, p95 {Percentiles.Ms(journey.At(95))}");
Console.WriteLine("each step (a request and the redirect that answers it):");
foreach (var step in acknowledged.SelectMany(s => s.Steps).GroupBy(s => s.Step))
{
    var times = new Percentiles(step.Select(s => s.Milliseconds));
    Console.WriteLine($"  {step.Key,-15} p50 {Percentiles.Ms(times.At(50)),9}, p95 {Percentiles.Ms(times.At(95)),9}");
}
Console.WriteLine($"Portal peak resident memory: {peakMb:F0} MB");
Console.WriteLine($"routed to a social worker of the family's district: {withDistrictWorker} of {numbers.Count}; open cases per social worker at the end: "
    + (caseloads.Count == 0 ? "none" : $"median {new Percentiles(caseloads.Select(c => (double)c)).At(50):F0}, max {caseloads.Max()} ({caseloads.Count} workers)"));
Console.WriteLine($"routing: every acknowledged case routed {(routed >= numbers.Count ? $"{routedAfter.TotalSeconds:F1} s" : "not within 180 s")} after the last receipt (cases waiting for the BackOffice while the Portal takes the cores)");
var journeys = Math.Max(1, acknowledged.Count);
Console.WriteLine($"CPU per journey, measured run until every case was routed ({cpuWindow.TotalSeconds:F1} s): "
    + string.Join(", ", cpuByPart.Select(p => $"{p.Name} {p.Milliseconds / journeys:F1} ms"))
    + $"; the machine {cpuMachine / journeys:F1} ms, busy {cpuMachine / (cpuWindow.TotalMilliseconds * Environment.ProcessorCount):P0} of its {Environment.ProcessorCount} cores"
    + $" (at that cost its cores allow at most {Environment.ProcessorCount * 1000 / (cpuMachine / journeys):F0} journeys/s)");
// Parasol's own share, without this client and the mail catcher, which in production run elsewhere.
var parasolMs = cpuByPart.Where(p => p.Name is "Portal" or "PostgreSQL" or "BackOffice").Sum(p => p.Milliseconds) / journeys;
Console.WriteLine($"Parasol alone (Portal, PostgreSQL, BackOffice): {parasolMs:F1} ms of CPU per journey, so 50 journeys/s take {parasolMs * 50 / 1000:F1} cores");
if (counting)
{
    Console.WriteLine($"database statements per journey, same window: {statementsByPart.Sum(p => p.Statements) / (double)journeys:F1} ("
        + string.Join(", ", statementsByPart.Select(p => $"{p.Part} {p.Statements / (double)journeys:F1}")) + ")");
    foreach (var (calls, query) in statementsTop)
    {
        Console.WriteLine($"  {calls / (double)journeys,6:F2}  {query}");
    }
}
Console.WriteLine($"count check: acknowledged {acknowledged.Count} = stored {stored} (new cases {newCases}, PDF files {files - warmUpJourneys}) = routed {routed}; failed journeys {failures.Count}");
foreach (var failure in failures.Distinct().Take(5))
{
    Console.WriteLine($"  failure: {failure}");
}
var met = perSecond >= 50 && submit.At(95) < 1000 && failures.Count == 0 && acknowledged.Count == stored && stored == newCases
    && stored == routed && peakMb < 300;
Console.WriteLine(met
    ? "OK: at least 50 submissions/s, p95 under 1 s, none lost, Portal under 300 MB."
    : "MISSED: the target is at least 50 submissions/s, p95 under 1 s, none lost, Portal under 300 MB.");
attachments.Delete(recursive: true);
return met ? 0 : 1;
