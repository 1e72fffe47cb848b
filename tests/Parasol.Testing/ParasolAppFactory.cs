using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Parasol.Testing;

/// <summary>
/// One of Parasol's web apps over a <see cref="TestDatabase"/>. <typeparamref name="TMarker"/> is any type of the app's
/// assembly (both apps have a top-level Program, so the marker tells them apart).
/// </summary>
public class ParasolAppFactory<TMarker>(TestDatabase database) : WebApplicationFactory<TMarker>
    where TMarker : class
{
    private readonly string _attachments = Directory.CreateTempSubdirectory("parasol-attachments-").FullName;

    public TestDatabase Database { get; } = database;

    /// <summary>Extra settings, applied on top of the test defaults.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>Service replacements for one test host (e.g. a FakeTimeProvider).</summary>
    public Action<IServiceCollection>? ConfigureTestServices { get; set; }

    /// <summary>Errors the app logged (with their exceptions), for failure messages: a browser sees only a status code.</summary>
    public ServerErrorLog ServerErrors { get; } = new();

    /// <summary>
    /// Starts the app on Kestrel on a free port of 127.0.0.1, for a browser, and returns its base address once the app
    /// answers its health check there. The socket is bound by Kestrel itself (no free-port guess that another process
    /// could take first), and explicitly on IPv4 loopback, which is the address the browser is given.
    /// </summary>
    public Uri StartOnRealPort()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var url = new Uri(address);
        using var client = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };
        using var response = client.GetAsync(new Uri("/health", UriKind.Relative)).GetAwaiter().GetResult();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"{typeof(TMarker).Assembly.GetName().Name} on {url} answered /health with {(int)response.StatusCode}.\n{ServerErrors}");
        }
        return url;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Parasol.Core.Web.HostEnvironments.Testing);
        builder.UseSetting("ConnectionStrings:Default", Database.ConnectionString);
        builder.UseSetting("Attachments:Directory", _attachments);
        // Test hosts enqueue jobs but do not run them unless a test asks for a Hangfire server.
        builder.UseSetting("Jobs:RunServer", "false");
        // Every test client comes from one address: per-address limits are lifted unless a test sets its own.
        builder.UseSetting("Apply:SubmitLimit:PermitLimit", "1000000");
        builder.UseSetting("Apply:StartLimit:PermitLimit", "1000000");
        builder.UseSetting("Apply:UploadLimit:PermitLimit", "1000000");
        builder.UseSetting("Staff:SignInLimit:PerAddress:PermitLimit", "1000000");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging => logging.AddProvider(ServerErrors));
        if (ConfigureTestServices is { } configure)
        {
            builder.ConfigureServices(configure);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_attachments))
        {
            Directory.Delete(_attachments, recursive: true);
        }
    }
}
