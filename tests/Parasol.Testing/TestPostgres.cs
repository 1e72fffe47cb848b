using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Parasol.Testing;

/// <summary>
/// The PostgreSQL server the tests use: <c>TEST_DATABASE_URL</c> when set (test.sh starts one cluster for every test
/// project), otherwise a throwaway cluster this process starts in a temporary directory and stops when it exits.
/// </summary>
public static class TestPostgres
{
    private static readonly Lazy<string> Server = new(StartOrUseConfigured, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A connection string to the server's <c>postgres</c> database.</summary>
    public static string ServerConnectionString => Server.Value;

    private static string StartOrUseConfigured()
    {
        var configured = Environment.GetEnvironmentVariable("TEST_DATABASE_URL");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new NpgsqlConnectionStringBuilder(configured) { Database = "postgres", Timeout = 60 }.ConnectionString;
        }

        var dir = Path.Combine(Path.GetTempPath(), $"parasol-test-pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(dir);
        var port = FreePort();
        var bin = FindBinDirectory();
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            Run("chown", $"postgres:postgres {dir}");
        }
        RunPg(asRoot, Path.Combine(bin, "initdb"), $"-D {dir} -U postgres -A trust -E UTF8 --locale=C.UTF-8");
        RunPg(asRoot, Path.Combine(bin, "pg_ctl"),
            $"-D {dir} -w -l {dir}/server.log -o \"-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300\" start");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                RunPg(asRoot, Path.Combine(bin, "pg_ctl"), $"-D {dir} -m immediate -w stop");
                Directory.Delete(dir, recursive: true);
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException)
            {
                // The cluster lives in a temporary directory; the OS cleans what we could not.
            }
        };
        return $"Host=127.0.0.1;Port={port};Database=postgres;Username=postgres;Include Error Detail=true;Timeout=60";
    }

    private static string FindBinDirectory()
    {
        var versions = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
            : Enumerable.Empty<string>();
        return versions.Select(v => Path.Combine(v, "bin")).FirstOrDefault(b => File.Exists(Path.Combine(b, "initdb")))
            ?? throw new InvalidOperationException("PostgreSQL is not installed: run ./test.sh, which installs it, or set TEST_DATABASE_URL.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void RunPg(bool asRoot, string program, string arguments)
    {
        if (asRoot)
        {
            Run("runuser", $"-u postgres -- {program} {arguments}");
        }
        else
        {
            Run(program, arguments);
        }
    }

    private static void Run(string program, string arguments)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/tmp",
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {arguments} failed ({process.ExitCode}): {stderr.Result}");
        }
    }
}
