using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Parasol.Bench;
using Parasol.Testing;

// Started with "minimal": the baseline, a Kestrel endpoint that answers a small page and nothing else.
if (args is ["minimal", ..])
{
    var minimal = WebApplication.CreateBuilder(args[1..]).Build();
    minimal.MapGet("/", () => Results.Text("<!doctype html><title>OK</title><p>OK</p>", "text/html; charset=utf-8"));
    minimal.MapGet("/health", () => "OK");
    await minimal.RunAsync();
    return 0;
}

// wrk against the Portal's home page and an information page, and against the minimal endpoint started the same way
// (its own process, Release, Production, HTTPS on loopback), 64 connections each.
var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 15;
const int Connections = 64;

await using var database = await TestDatabase.CreateAsync();
var production = new Dictionary<string, string>
{
    ["ConnectionStrings__Default"] = database.ConnectionString,
    ["ASPNETCORE_ENVIRONMENT"] = "Production",
    ["Attachments__Directory"] = Directory.CreateTempSubdirectory("parasol-bench-attachments-").FullName,
    ["Logging__LogLevel__Default"] = "Warning",
    ["Logging__LogLevel__Microsoft.AspNetCore.DataProtection"] = "Error",
    ["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Error",
    ["Logging__Console__FormatterName"] = "simple",
    // Every simulated applicant comes from 127.0.0.1: lift the per-address limits (starts, uploads, submits) for the run.
    ["Apply__SubmitLimit__PermitLimit"] = "1000000",
    ["Apply__StartLimit__PermitLimit"] = "1000000",
    ["Apply__UploadLimit__PermitLimit"] = "1000000",
};
var self = typeof(Program).Assembly.Location;

var results = new List<(string Name, Wrk Result)>();
using (var minimal = await AppProcess.StartAsync(self, Path.GetDirectoryName(self)!, production, "/health", "minimal", "minimal"))
{
    results.Add(("minimal Kestrel endpoint", await RunWrkAsync(new Uri(minimal.Address, "/"))));
}
using (var portal = await AppProcess.StartParasolAsync("Portal", production))
{
    results.Add(("Portal home page /", await RunWrkAsync(new Uri(portal.Address, "/"))));
    results.Add(("Portal information page /family-assistant", await RunWrkAsync(new Uri(portal.Address, "/family-assistant"))));
    // For comparison only (no target): a page with a form is rendered for every request, with its own antiforgery token.
    results.Add(("(form page /status, never cached)", await RunWrkAsync(new Uri(portal.Address, "/status"))));
}

var baseline = results[0].Result.RequestsPerSecond;
Console.WriteLine();
Console.WriteLine($"wrk, {Connections} connections, 2 threads, {seconds} s after a 5 s warm-up; HTTPS on loopback, Accept-Encoding: br, gzip");
Console.WriteLine($"{"endpoint",-44}{"req/s",10}{"p50 ms",9}{"p99 ms",9}{"vs minimal",12}{"errors",8}");
var met = true;
foreach (var (name, r) in results)
{
    var ratio = r.RequestsPerSecond / baseline;
    Console.WriteLine($"{name,-44}{r.RequestsPerSecond,10:F0}{r.P50,9:F1}{r.P99,9:F1}{ratio,11:P0}{r.Errors,8}");
    if (name.StartsWith("Portal", StringComparison.Ordinal))
    {
        met &= r.P99 < 50 && ratio >= 0.30 && r.Errors == 0;
    }
}
Console.WriteLine(met
    ? "OK: every Portal page has p99 under 50 ms and at least 30 % of the minimal endpoint's throughput."
    : "MISSED: the target is p99 under 50 ms and at least 30 % of the minimal endpoint's throughput, without errors.");
return met ? 0 : 1;

async Task<Wrk> RunWrkAsync(Uri target)
{
    await WrkAsync(target, 5);
    var output = await WrkAsync(target, seconds);
    var result = Wrk.Parse(output);
    if (result.Errors > 0)
    {
        // Which kind (wrk's own lines), to tell refused responses from connections that broke.
        foreach (var line in output.Split('\n').Where(l => l.Contains("Non-2xx", StringComparison.Ordinal) || l.Contains("Socket errors", StringComparison.Ordinal)))
        {
            Console.WriteLine($"{target.AbsolutePath}: {line.Trim()}");
        }
    }
    return result;
}

static async Task<string> WrkAsync(Uri target, int duration)
{
    var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true };
    foreach (var a in new[] { "-t2", $"-c{Connections}", $"-d{duration}s", "--latency", "-H", "Accept-Encoding: br, gzip", target.ToString() })
    {
        start.ArgumentList.Add(a);
    }
    using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start (apt-get install wrk).");
    var output = await wrk.StandardOutput.ReadToEndAsync();
    await wrk.WaitForExitAsync();
    return output;
}

internal sealed partial record Wrk(double RequestsPerSecond, double P50, double P99, long Errors)
{
    public static Wrk Parse(string output)
    {
        var rps = double.Parse(RequestsPerSecondLine().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var errors = NonSuccessLine().Match(output) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        errors += SocketErrorsLine().Match(output) is { Success: true } s
            ? s.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture))
            : 0;
        return new Wrk(rps, Percentile(output, "50%"), Percentile(output, "99%"), errors);
    }

    private static double Percentile(string output, string label)
    {
        var match = Regex.Match(output, $@"^\s*{label}\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline, TimeSpan.FromSeconds(1));
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecondLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccessLine();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrorsLine();
}
