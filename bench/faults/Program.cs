using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Parasol.Core;
using Parasol.Core.Cases;
using Parasol.Core.Jobs;
using Parasol.Core.Outbox;
using Parasol.Testing;

// Starts maildev and the real BackOffice process (the Hangfire server) over a fresh demo database, submits cases as the
// Portal does (routing job and receipt e-mail enqueued after commit), kills the BackOffice with SIGKILL while its
// workers are busy, keeps submitting while it is down, starts it again and waits until every outbox row is done. Then
// it checks that every case was routed once, every e-mail recorded as sent once, and every e-mail reached SMTP.
var cases = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 120;
var kills = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2;
const int workers = 4;
var root = FindRoot();

await using var database = await TestDatabase.CreateAsync();
await using var smtp = await Maildev.StartAsync();
var environment = new Dictionary<string, string>
{
    ["ConnectionStrings__Default"] = database.ConnectionString,
    ["ASPNETCORE_ENVIRONMENT"] = "Development",
    ["Mail__Host"] = "127.0.0.1",
    ["Mail__Port"] = smtp.SmtpPort.ToString(CultureInfo.InvariantCulture),
    ["Mail__Security"] = "None",
    ["Jobs__WorkerCount"] = workers.ToString(CultureInfo.InvariantCulture),
    // A job that a killed worker had taken is taken up again after this (the default is 5 minutes).
    ["Jobs__InvisibilityTimeout"] = "00:00:15",
    ["Logging__LogLevel__Default"] = "Warning",
};

var configuration = new ConfigurationBuilder()
    .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Default"] = database.ConnectionString })
    .Build();
var services = new ServiceCollection().AddLogging();
services.AddParasolCore(configuration);
services.AddParasolJobsClient(configuration); // exactly the Portal's registration
await using var provider = services.BuildServiceProvider();

var clock = Stopwatch.StartNew();
var backOffice = await StartBackOfficeAsync();
var submitted = new List<Guid>();
var perRound = cases / (kills + 1);
for (var round = 0; round <= kills; round++)
{
    var count = round == kills ? cases - submitted.Count : perRound;
    var submitting = SubmitAsync(count);
    if (round < kills)
    {
        // Kill while the workers are in the middle of routing and sending.
        var target = await ProcessedAsync() + Math.Max(4, count / 3);
        while (await ProcessedAsync() < target)
        {
            await Task.Delay(2);
        }
        var kill = Stopwatch.StartNew();
        backOffice.Kill(); // SIGKILL: no shutdown, no finally blocks, connections dropped mid-transaction
        await backOffice.WaitForExitAsync();
        backOffice.Dispose();
        var notDone = await NotDoneAsync();
        Console.WriteLine($"{clock.Elapsed.TotalSeconds,6:F1} s  killed the BackOffice (SIGKILL) with {await ProcessedAsync()} outbox rows done, {notDone} not done");
        submitted.AddRange(await submitting);
        Console.WriteLine($"{clock.Elapsed.TotalSeconds,6:F1} s  submitted {submitted.Count} cases so far, the last ones while it was down");
        backOffice = await StartBackOfficeAsync();
        Console.WriteLine($"{clock.Elapsed.TotalSeconds,6:F1} s  BackOffice started again ({kill.Elapsed.TotalSeconds:F1} s after the kill)");
    }
    else
    {
        submitted.AddRange(await submitting);
    }
}

var until = DateTime.UtcNow.AddMinutes(3);
while (await PendingAsync() > 0 && DateTime.UtcNow < until)
{
    await Task.Delay(200);
}
var pending = await PendingAsync();
Console.WriteLine($"{clock.Elapsed.TotalSeconds,6:F1} s  {(pending == 0 ? "every outbox row done" : $"{pending} outbox rows still not done after 3 minutes")}");
backOffice.Kill();
await backOffice.WaitForExitAsync();
backOffice.Dispose();

await using var db = database.CreateDbContext();
var ours = await db.Cases.Where(c => submitted.Contains(c.Id)).Select(c => new
{
    c.Id,
    Routed = c.Events.Count(e => e.Kind == CaseEventKind.Routed),
    EmailsSent = c.Events.Count(e => e.Kind == CaseEventKind.EmailSent),
}).ToListAsync();
var rows = await db.OutboxMessages.Where(m => m.CaseId != null && submitted.Contains(m.CaseId.Value)).ToListAsync();
var emailRows = rows.Where(m => m.Kind == OutboxKind.Email).ToList();
var mails = await smtp.WaitForAsync(emailRows.Count, TimeSpan.FromSeconds(20));
var received = mails.GroupBy(MessageId).ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
var missing = emailRows.Count(m => !received.Keys.Any(k => k.Contains($"outbox-{m.Id}@", StringComparison.Ordinal)));
var duplicated = received.Values.Count(n => n > 1);

var routedOnce = ours.Count(c => c.Routed == 1);
var emailsRecordedOnce = ours.Count(c => c.EmailsSent == emailRows.Count(m => m.CaseId == c.Id));
Console.WriteLine();
Console.WriteLine($"cases submitted: {submitted.Count}, BackOffice killed {kills} times");
Console.WriteLine($"routing: {routedOnce} of {ours.Count} cases routed exactly once");
Console.WriteLine($"e-mail: {emailRows.Count} outbox rows, {emailRows.Count(m => m.ProcessedAt != null)} done, {emailsRecordedOnce} of {ours.Count} cases with one 'sent' entry per e-mail");
Console.WriteLine($"at the SMTP server: {mails.Count} messages, {missing} e-mails missing, {duplicated} delivered twice");
if (duplicated > 0)
{
    Console.WriteLine("  (a message accepted by SMTP in the instant before the kill, not yet recorded: sent again with the same Message-ID)");
}
var ok = pending == 0 && routedOnce == ours.Count && ours.Count == submitted.Count && emailsRecordedOnce == ours.Count
    && missing == 0 && duplicated <= kills * workers;
Console.WriteLine(ok ? "PASS" : "FAIL");
return ok ? 0 : 1;

async Task<List<Guid>> SubmitAsync(int count)
{
    var ids = new List<Guid>();
    for (var i = 0; i < count; i++)
    {
        ids.Add((await TestCases.SubmitAsync(provider)).Id);
        await Task.Delay(20);
    }
    return ids;
}

async Task<int> ProcessedAsync()
{
    await using var db = database.CreateDbContext();
    return await db.OutboxMessages.CountAsync(m => m.ProcessedAt != null);
}

async Task<int> NotDoneAsync()
{
    await using var db = database.CreateDbContext();
    return await db.OutboxMessages.CountAsync(m => m.ProcessedAt == null);
}

async Task<int> PendingAsync()
{
    await using var db = database.CreateDbContext();
    return await db.OutboxMessages.CountAsync(m => m.ProcessedAt == null && !m.Abandoned && m.DueAt <= DateTimeOffset.UtcNow);
}

static string MessageId(ReceivedMail mail) =>
    mail.Headers.TryGetValue("message-id", out var id) ? id?.ToString() ?? "" : "";

async Task<Process> StartBackOfficeAsync()
{
    var dll = Path.Combine(root, "src", "BackOffice", "bin", "Debug", "net10.0", "Parasol.BackOffice.dll");
    if (!File.Exists(dll))
    {
        throw new InvalidOperationException($"{dll} is missing: build the BackOffice first (bench/faults/run.sh does).");
    }
    var port = FreePort();
    var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true };
    start.ArgumentList.Add(dll);
    start.ArgumentList.Add("--urls");
    start.ArgumentList.Add($"http://127.0.0.1:{port}");
    foreach (var (key, value) in environment)
    {
        start.Environment[key] = value;
    }
    var process = Process.Start(start)!;
    process.OutputDataReceived += (_, _) => { };
    process.ErrorDataReceived += (_, _) => { };
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    using var http = new HttpClient();
    for (var i = 0; i < 480; i++)
    {
        try
        {
            if ((await http.GetAsync(new Uri($"http://127.0.0.1:{port}/health"))).IsSuccessStatusCode)
            {
                return process;
            }
        }
        catch (HttpRequestException)
        {
        }
        await Task.Delay(250);
    }
    throw new InvalidOperationException("The BackOffice did not become healthy.");
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Parasol.slnx")))
        {
            return dir.FullName;
        }
    }
    throw new InvalidOperationException("Parasol.slnx not found.");
}
