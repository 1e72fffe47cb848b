using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Parasol.Core;
using Parasol.Core.Data;
using Parasol.Core.Jobs;
using Parasol.Core.Mail;
using Parasol.Core.Outbox;
using Parasol.Testing;

// Starts maildev, the BackOffice (Hangfire server) and the Portal as separate processes over a fresh demo database,
// submits cases as the Portal does (case + Received event in one transaction, jobs enqueued with LISTEN/NOTIFY after
// commit) and prints the time from submit to "routed and receipt accepted by SMTP".
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 4;
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
    ["Logging__LogLevel__Default"] = "Warning",
    // Every simulated applicant comes from 127.0.0.1: lift the per-address submit limit for the run.
    ["Apply__SubmitLimit__PermitLimit"] = "1000000",
};
using var backOffice = await StartAppAsync("BackOffice", environment);
using var portal = await StartAppAsync("Portal", environment);

var configuration = new ConfigurationBuilder()
    .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Default"] = database.ConnectionString })
    .Build();
var services = new ServiceCollection().AddLogging();
services.AddParasolCore(configuration);
services.AddParasolJobsClient(configuration); // exactly the Portal's registration
await using var provider = services.BuildServiceProvider();

for (var i = 0; i < 5; i++)
{
    await MeasureOneAsync(); // warm-up: connections, JIT, Hangfire schema
}

var timings = new List<double>();
var wall = Stopwatch.StartNew();
await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (_, _) =>
{
    var ms = await MeasureOneAsync();
    lock (timings)
    {
        timings.Add(ms);
    }
});
wall.Stop();

var mails = await smtp.WaitForAsync(2 * (count + 5), TimeSpan.FromSeconds(30));
var sorted = timings.Order().ToList();
double P(int p) => sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
Console.WriteLine($"cases submitted: {count} ({concurrency} at a time) in {wall.Elapsed.TotalSeconds:F1} s");
Console.WriteLine($"submit → routed and receipt accepted by SMTP: median {P(50):F0} ms, p99 {P(99):F0} ms, max {sorted[^1]:F0} ms");
Console.WriteLine($"messages at the SMTP server: {mails.Count} (receipts and 'assigned to you' notes)");
return P(50) < 1000 && P(99) < 3000 ? 0 : 1;

async Task<double> MeasureOneAsync()
{
    var clock = Stopwatch.StartNew();
    var c = await TestCases.SubmitAsync(provider);
    await using var db = database.CreateDbContext();
    while (await db.OutboxMessages.AnyAsync(m => m.CaseId == c.Id
        && (m.Kind == OutboxKind.RouteCase || m.Template == MailTemplate.Receipt) && m.ProcessedAt == null))
    {
        if (clock.Elapsed > TimeSpan.FromSeconds(60))
        {
            throw new TimeoutException($"Case {c.Number} was not done within 60 s.");
        }
        await Task.Delay(5);
    }
    return clock.Elapsed.TotalMilliseconds;
}

async Task<AppProcess> StartAppAsync(string app, Dictionary<string, string> env)
{
    var dll = Path.Combine(root, "src", app, "bin", "Debug", "net10.0", $"Parasol.{app}.dll");
    if (!File.Exists(dll))
    {
        throw new InvalidOperationException($"{dll} is missing: build the apps first (bench/routing/run.sh does).");
    }
    var port = FreePort();
    var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true };
    start.ArgumentList.Add(dll);
    start.ArgumentList.Add("--urls");
    start.ArgumentList.Add($"http://127.0.0.1:{port}");
    foreach (var (key, value) in env)
    {
        start.Environment[key] = value;
    }
    var process = Process.Start(start)!;
    process.OutputDataReceived += (_, _) => { };
    process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine($"[{app}] {e.Data}"); } };
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    using var http = new HttpClient();
    for (var i = 0; i < 240; i++)
    {
        try
        {
            if ((await http.GetAsync(new Uri($"http://127.0.0.1:{port}/health"))).IsSuccessStatusCode)
            {
                return new AppProcess(process);
            }
        }
        catch (HttpRequestException)
        {
        }
        await Task.Delay(250);
    }
    throw new InvalidOperationException($"{app} did not become healthy.");
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

internal sealed class AppProcess(Process process) : IDisposable
{
    public void Dispose()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
        process.Dispose();
    }
}
