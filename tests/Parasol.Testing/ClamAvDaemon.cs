using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Parasol.Testing;

/// <summary>
/// A real ClamAV daemon (Debian's clamav-daemon, installed by test.sh) on a free loopback TCP port, with its own
/// configuration and a signature database holding only a test signature for the EICAR test string, wherever in a file
/// it appears. No freshclam: the official databases are neither needed nor reachable here.
/// </summary>
public sealed class ClamAvDaemon : IAsyncDisposable
{
    /// <summary>The EICAR anti-virus test string: harmless, and found by every scanner as if it were a virus.</summary>
    public static readonly byte[] Eicar = Encoding.ASCII.GetBytes(@"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*");

    public const string SignatureName = "Parasol.Test.EICAR";

    private readonly string _directory = Directory.CreateTempSubdirectory("parasol-clamd-").FullName;
    private Process? _process;

    public int Port { get; private set; }

    /// <summary>Starts clamd on a new port, and on another when it exits at start (a port taken meanwhile: <see cref="LoopbackPorts"/>).</summary>
    public static async Task<ClamAvDaemon> StartAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            var daemon = new ClamAvDaemon();
            try
            {
                await daemon.StartProcessAsync();
                return daemon;
            }
            catch (InvalidOperationException) when (attempt < 5 && daemon._process is { HasExited: true })
            {
                await daemon.DisposeAsync();
            }
        }
    }

    private async Task StartProcessAsync()
    {
        const string executable = "/usr/sbin/clamd";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"clamd is not installed at {executable}: run ./test.sh, which installs clamav-daemon.");
        }
        var database = Directory.CreateDirectory(Path.Combine(_directory, "db")).FullName;
        // An extended (.ndb) signature: target 0 (any file), any offset, the EICAR string in hex.
        await File.WriteAllTextAsync(Path.Combine(database, "parasol-test.ndb"), $"{SignatureName}:0:*:{Convert.ToHexStringLower(Eicar)}\n");
        Port = FreePort();
        var config = Path.Combine(_directory, "clamd.conf");
        await File.WriteAllLinesAsync(config,
        [
            $"DatabaseDirectory {database}",
            $"TCPSocket {Port.ToString(CultureInfo.InvariantCulture)}",
            "TCPAddr 127.0.0.1",
            "Foreground yes",
            $"LogFile {Path.Combine(_directory, "clamd.log")}",
            $"PidFile {Path.Combine(_directory, "clamd.pid")}",
            $"TemporaryDirectory {_directory}",
            "Bytecode no",
            "SelfCheck 0",
            "StreamMaxLength 12M",
            "MaxThreads 4",
        ]);
        var start = new ProcessStartInfo(executable)
        {
            ArgumentList = { "--config-file", config },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _directory,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("clamd did not start.");
        var output = new StringBuilder();
        _process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var until = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < until && !_process.HasExited)
        {
            if (await AnswersAsync())
            {
                return;
            }
            await Task.Delay(50);
        }
        lock (output)
        {
            throw new InvalidOperationException(_process.HasExited
                ? $"clamd exited with code {_process.ExitCode}: {output}"
                : $"clamd did not answer within 60 s: {output}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { } process)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
            process.Dispose();
        }
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<bool> AnswersAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            await using var stream = client.GetStream();
            await stream.WriteAsync("zPING\0"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>A loopback port nobody listens on at the moment.</summary>
    public static int FreePort() => LoopbackPorts.Free(1)[0];
}
