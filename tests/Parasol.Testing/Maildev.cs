using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Serialization;

namespace Parasol.Testing;

/// <summary>
/// A real SMTP server on loopback for the tests: maildev from npm (installed into <c>.tools/maildev</c> by test.sh and
/// run.sh), on free ports, with its own mail directory. It can be stopped and started again on the same ports, keeping
/// the mail it received, to test delivery across an outage.
/// </summary>
public sealed class Maildev : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("parasol-maildev-").FullName;
    private readonly HttpClient _http;
    private readonly ConcurrentQueue<string> _errors = new();
    private Process? _process;

    private Maildev(int smtpPort, int webPort)
    {
        SmtpPort = smtpPort;
        WebPort = webPort;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{WebPort}/") };
    }

    public int SmtpPort { get; }
    public int WebPort { get; }

    /// <summary>Starts maildev on new ports, and on others when it exits at start (a port taken meanwhile: <see cref="LoopbackPorts"/>).</summary>
    public static async Task<Maildev> StartAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            var ports = LoopbackPorts.Free(2);
            var maildev = new Maildev(ports[0], ports[1]);
            try
            {
                await maildev.StartAgainAsync();
                return maildev;
            }
            catch (InvalidOperationException) when (attempt < 5 && maildev._process is { HasExited: true })
            {
                await maildev.DisposeAsync();
            }
        }
    }

    /// <summary>Every message received so far (maildev 3.0.0 serves them at <c>/api/email</c>).</summary>
    public async Task<IReadOnlyList<ReceivedMail>> MessagesAsync() =>
        await _http.GetFromJsonAsync<List<ReceivedMail>>("api/email") ?? [];

    /// <summary>Waits until at least <paramref name="count"/> messages arrived, then a little longer for any extra copy.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < until)
        {
            if ((await MessagesAsync()).Count >= count)
            {
                break;
            }
            await Task.Delay(50);
        }
        await Task.Delay(300);
        return await MessagesAsync();
    }

    /// <summary>Downloads the HTML part of a message.</summary>
    public Task<string> HtmlAsync(ReceivedMail mail) => _http.GetStringAsync($"api/email/{mail.Id}/html");

    public async Task StopAsync()
    {
        if (_process is { } process)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
            await process.WaitForExitAsync();
            process.Dispose();
            _process = null;
        }
    }

    public async Task StartAgainAsync()
    {
        var executable = Path.Combine(RepositoryRoot(), ".tools", "maildev", "node_modules", ".bin", "maildev");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"maildev is not installed at {executable}: run ./test.sh, which installs it.");
        }
        var start = new ProcessStartInfo(executable)
        {
            ArgumentList =
            {
                "--ip", "127.0.0.1", "--smtp", SmtpPort.ToString(CultureInfo.InvariantCulture),
                "--web", WebPort.ToString(CultureInfo.InvariantCulture), "--web-ip", "127.0.0.1", "--mail-directory", _directory,
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("maildev did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                _errors.Enqueue(line);
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        // Node starts slowly on a busy machine: wait generously, and say why if it died.
        var until = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < until && !_process.HasExited)
        {
            if (await AnswersAsync())
            {
                return;
            }
            await Task.Delay(100);
        }
        throw new InvalidOperationException(_process.HasExited
            ? $"maildev exited with code {_process.ExitCode}: {string.Join(" / ", _errors.TakeLast(5))}"
            : "maildev did not answer within 120 s.");
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _http.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<bool> AnswersAsync()
    {
        try
        {
            using var smtp = new TcpClient();
            await smtp.ConnectAsync(IPAddress.Loopback, SmtpPort);
            using var response = await _http.GetAsync("api/email");
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is SocketException or HttpRequestException)
        {
            return false;
        }
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Parasol.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Parasol.slnx not found above the test binaries.");
    }
}

/// <summary>A message as maildev's REST API lists it.</summary>
public sealed class ReceivedMail
{
    [JsonPropertyName("id")]
    public string Id { get; set; } = "";

    [JsonPropertyName("subject")]
    public string Subject { get; set; } = "";

    [JsonPropertyName("text")]
    public string? Text { get; set; }

    [JsonPropertyName("envelope")]
    public MailEnvelope Envelope { get; set; } = new();

    [JsonPropertyName("headers")]
    public Dictionary<string, object> Headers { get; set; } = [];

    public string To => Envelope.To.FirstOrDefault()?.Address ?? "";
}

public sealed class MailEnvelope
{
    [JsonPropertyName("to")]
    public List<MailAddress> To { get; set; } = [];
}

public sealed class MailAddress
{
    [JsonPropertyName("address")]
    public string Address { get; set; } = "";
}
