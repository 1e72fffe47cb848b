using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Parasol.Bench;

/// <summary>
/// One of Parasol's apps (or any other built web app) running as its own process from its Release build, on a free
/// loopback port over HTTPS (a self-signed certificate made for the run), as it would run in production: the Production
/// environment's Secure cookies need HTTPS, and the benchmarks measure real processes, not in-memory test hosts.
/// </summary>
public sealed class AppProcess : IDisposable
{
    private readonly Process _process;

    private AppProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int ProcessId => _process.Id;

    /// <summary>The most resident memory the process has had so far (VmHWM from /proc), in MB.</summary>
    public double PeakResidentMegabytes
    {
        get
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            var kilobytes = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            return kilobytes / 1024.0;
        }
    }

    /// <summary>Starts <c>src/{app}/bin/Release/net10.0/Parasol.{app}.dll</c> with its source folder as content root.</summary>
    public static Task<AppProcess> StartParasolAsync(string app, IReadOnlyDictionary<string, string> environment) =>
        StartAsync(
            Path.Combine(Repository.Root, "src", app, "bin", "Release", "net10.0", $"Parasol.{app}.dll"),
            Path.Combine(Repository.Root, "src", app),
            environment,
            "/health",
            app);

    public static async Task<AppProcess> StartAsync(string dll, string contentRoot, IReadOnlyDictionary<string, string> environment, string readyPath, string name, params string[] arguments)
    {
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: build in Release first (the bench's run.sh does).");
        }
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = contentRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"https://127.0.0.1:{port}");
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(contentRoot);
        start.Environment["Kestrel__Certificates__Default__Path"] = Certificate.Value.CertificatePath;
        start.Environment["Kestrel__Certificates__Default__KeyPath"] = Certificate.Value.KeyPath;
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start.");
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"[{name}] {e.Data}");
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"[{name}] {e.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var address = new Uri($"https://127.0.0.1:{port}/");
        using var http = new HttpClient(CreateHandler());
        for (var i = 0; i < 480 && !process.HasExited; i++)
        {
            try
            {
                if ((await http.GetAsync(new Uri(address, readyPath))).IsSuccessStatusCode)
                {
                    return new AppProcess(process, address);
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(250);
        }
        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException($"{name} did not become ready at {readyPath}.");
    }

    /// <summary>A handler that trusts the run's own certificate, and no other.</summary>
    public static SocketsHttpHandler CreateHandler() => new()
    {
        SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, presented, _, _) =>
                presented is not null && presented.GetCertHashString() == Certificate.Value.Thumbprint,
        },
    };

    private static readonly Lazy<(string CertificatePath, string KeyPath, string Thumbprint)> Certificate = new(() =>
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        var directory = Directory.CreateTempSubdirectory("parasol-bench-tls-").FullName;
        var certificatePath = Path.Combine(directory, "cert.pem");
        var keyPath = Path.Combine(directory, "key.pem");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath, certificate.GetCertHashString());
    });

    public static (string CertificatePath, string KeyPath) CertificateFiles => (Certificate.Value.CertificatePath, Certificate.Value.KeyPath);

    public void Dispose()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
