using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Parasol.Core.Data;
using Parasol.Core.Jobs;
using Parasol.Testing;

namespace Parasol.Core.Tests.Jobs;

/// <summary>
/// Two hosts with Hangfire in one process (the test runs, a host restarted in place): each one's jobs must run with its
/// own services, on its own database.
/// </summary>
/// <remarks>
/// Hangfire's default registration hands the server <c>JobActivator.Current</c>, a static that whichever host configured
/// Hangfire last has set: a BackOffice could run its jobs in another host's services, against that host's database
/// (its outbox rows "not found", so skipped as done), or in a host already stopped (ObjectDisposedException). Seen as a
/// case never routed in <c>HangfireTests</c> when other BackOffice tests started alongside.
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes it through IAsyncLifetime.")]
public sealed class JobActivationTests : IAsyncLifetime
{
    private TestDatabase _first = null!;
    private TestDatabase _second = null!;

    public async Task InitializeAsync()
    {
        _first = await TestDatabase.CreateAsync(seedDemoData: false);
        _second = await TestDatabase.CreateAsync(seedDemoData: false);
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    [Fact]
    public async Task Each_hosts_jobs_run_with_its_own_services_even_when_another_host_configured_hangfire_after_it()
    {
        await using var first = BackOfficeServices(_first);
        await using var second = BackOfficeServices(_second);

        // The first host configures Hangfire, then a second one does, before the first starts its server.
        first.GetRequiredService<IGlobalConfiguration>();
        second.GetRequiredService<IGlobalConfiguration>();
        var activator = first.GetRequiredService<JobActivator>();

        using var scope = activator.BeginScope((JobActivatorContext)null!);
        var db = (ParasolDbContext)scope.Resolve(typeof(ParasolDbContext));
        Assert.Equal(Database(_first), db.Database.GetDbConnection().Database);
    }

    private static ServiceProvider BackOfficeServices(TestDatabase database)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Default"] = database.ConnectionString,
                ["Jobs:RunServer"] = "false",
            })
            .Build();
        return new ServiceCollection().AddLogging().AddParasolCore(configuration).AddParasolJobsServer(configuration).BuildServiceProvider();
    }

    private static string? Database(TestDatabase database) => new NpgsqlConnectionStringBuilder(database.ConnectionString).Database;
}
