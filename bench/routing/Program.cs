using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Parasol.Bench;
using Parasol.Core.Mail;
using Parasol.Core.Outbox;
using Parasol.Testing;

// Starts maildev, the BackOffice (Hangfire server) and the Portal as processes (Release, Production environment) over
// a fresh demo database; families complete the whole family-assistant journey over HTTP, and for each case it prints
// the time from the final submit to "routed and receipt accepted by SMTP" (both outbox rows processed: the routing
// job has written its decision, and the SMTP server has accepted the receipt).
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 4;

await using var database = await TestDatabase.CreateAsync();
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
    ["Logging__LogLevel__Default"] = "Warning",
    // Every simulated applicant comes from 127.0.0.1: lift the per-address limits (starts, uploads, submits) for the run.
    ["Apply__SubmitLimit__PermitLimit"] = "1000000",
    ["Apply__StartLimit__PermitLimit"] = "1000000",
    ["Apply__UploadLimit__PermitLimit"] = "1000000",
    ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
    ["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Error",
    ["Logging__LogLevel__Microsoft.AspNetCore.DataProtection"] = "Error",
    ["Logging__Console__FormatterName"] = "simple",
};
using var backOffice = await AppProcess.StartParasolAsync("BackOffice", environment);
using var portal = await AppProcess.StartParasolAsync("Portal", environment);
using var http = JourneyClient.CreateSharedHttp(portal.Address);

for (var i = 0; i < 5; i++)
{
    await MeasureOneAsync(); // warm-up: connections, JIT, Hangfire's queues
}

var timings = new List<double>();
var submits = new List<double>();
var wall = Stopwatch.StartNew();
await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (_, _) =>
{
    var (ms, submit) = await MeasureOneAsync();
    lock (timings)
    {
        timings.Add(ms);
        submits.Add(submit);
    }
});
wall.Stop();

var mails = await smtp.WaitForAsync(2 * (count + 5), TimeSpan.FromSeconds(30));
var p = new Percentiles(timings);
Console.WriteLine($"families: {count} ({concurrency} at a time), each a whole journey over HTTP, in {wall.Elapsed.TotalSeconds:F1} s");
Console.WriteLine($"submit → routed and receipt accepted by SMTP: median {Percentiles.Ms(p.At(50))}, p95 {Percentiles.Ms(p.At(95))}, " +
    $"p99 {Percentiles.Ms(p.At(99))}, max {Percentiles.Ms(p.Max)}");
var s = new Percentiles(submits);
Console.WriteLine($"of which the final submit (POST → receipt page): median {Percentiles.Ms(s.At(50))}, p99 {Percentiles.Ms(s.At(99))}");
Console.WriteLine($"messages at the SMTP server: {mails.Count} (receipts and 'assigned to you' notes)");
var met = p.At(50) < 1000 && p.At(99) < 3000;
Console.WriteLine(met ? "OK: median under 1 s and p99 under 3 s." : "MISSED: the target is median under 1 s and p99 under 3 s.");
attachments.Delete(recursive: true);
return met ? 0 : 1;

async Task<(double Done, double Submit)> MeasureOneAsync()
{
    var submission = await FamilyAssistantJourney.CompleteAsync(http);
    var clock = Stopwatch.StartNew();
    await using var db = database.CreateDbContext();
    var caseId = await db.Cases.Where(c => c.Number == submission.CaseNumber).Select(c => c.Id).SingleAsync();
    while (true)
    {
        var done = await db.OutboxMessages
            .Where(m => m.CaseId == caseId && (m.Kind == OutboxKind.RouteCase || m.Template == MailTemplate.Receipt))
            .Select(m => m.ProcessedAt)
            .ToListAsync();
        if (done.Count == 2 && done.All(at => at is not null))
        {
            // From the moment the family pressed "send" to the later of the two (the BackOffice records each when done).
            return ((done.Max()!.Value - submission.SubmittedAt).TotalMilliseconds, submission.SubmitMilliseconds);
        }
        if (clock.Elapsed > TimeSpan.FromSeconds(60))
        {
            throw new TimeoutException($"Case {submission.CaseNumber} was not done within 60 s.");
        }
        await Task.Delay(5);
    }
}
