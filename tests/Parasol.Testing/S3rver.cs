using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Parasol.Testing;

/// <summary>
/// A real S3-protocol server on loopback for the tests: s3rver from npm (installed into <c>.tools/s3rver</c> by
/// test.sh), standing in for MinIO, with one bucket and its own data directory. It accepts the keys S3RVER/S3RVER.
/// </summary>
public sealed class S3rver : IAsyncDisposable
{
    public const string AccessKey = "S3RVER";
    public const string SecretKey = "S3RVER";

    private readonly string _directory = Directory.CreateTempSubdirectory("parasol-s3rver-").FullName;
    private readonly ConcurrentQueue<string> _errors = new();
    private Process? _process;

    private S3rver(string bucket, int port)
    {
        Bucket = bucket;
        Port = port;
    }

    public string Bucket { get; }
    public int Port { get; }
    public string Endpoint => $"http://127.0.0.1:{Port}";

    /// <summary>The settings that point Parasol's S3 store at this server.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Attachments:Store"] = "S3",
        ["Attachments:S3:Endpoint"] = Endpoint,
        ["Attachments:S3:Bucket"] = Bucket,
        ["Attachments:S3:AccessKey"] = AccessKey,
        ["Attachments:S3:SecretKey"] = SecretKey,
        ["Attachments:S3:ForcePathStyle"] = "true",
    };

    /// <summary>The objects' files under the server's data directory (s3rver keeps each object as a folder of files).</summary>
    public string DataDirectory => _directory;

    /// <summary>Starts s3rver on a new port, and on another when it exits at start (a port taken meanwhile: <see cref="LoopbackPorts"/>).</summary>
    public static async Task<S3rver> StartAsync(string bucket = "parasol-test")
    {
        for (var attempt = 1; ; attempt++)
        {
            var server = new S3rver(bucket, LoopbackPorts.Free(1)[0]);
            try
            {
                await server.StartProcessAsync();
                return server;
            }
            catch (InvalidOperationException) when (attempt < 5 && server._process is { HasExited: true })
            {
                await server.DisposeAsync();
            }
        }
    }

    public async ValueTask DisposeAsync()
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
        Directory.Delete(_directory, recursive: true);
    }

    private async Task StartProcessAsync()
    {
        var executable = Path.Combine(Maildev.RepositoryRoot(), ".tools", "s3rver", "node_modules", ".bin", "s3rver");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"s3rver is not installed at {executable}: run ./test.sh, which installs it.");
        }
        var start = new ProcessStartInfo(executable)
        {
            ArgumentList =
            {
                "--directory", _directory, "--address", "127.0.0.1", "--port", Port.ToString(CultureInfo.InvariantCulture),
                "--silent", "--no-vhost-buckets", "--configure-bucket", Bucket,
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("s3rver did not start.");
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
            ? $"s3rver exited with code {_process.ExitCode}: {string.Join(" / ", _errors.TakeLast(5))}"
            : "s3rver did not answer within 120 s.");
    }

    private async Task<bool> AnswersAsync()
    {
        try
        {
            using var http = new HttpClient();
            using var response = await http.GetAsync(new Uri($"{Endpoint}/{Bucket}"));
            return response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Forbidden;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
