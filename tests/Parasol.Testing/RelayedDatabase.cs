using Microsoft.Extensions.DependencyInjection;

namespace Parasol.Testing;

/// <summary>
/// A test database that Core's services reach only through a <see cref="DatabaseOutage"/> relay, so that a test can
/// take the database away from them (<see cref="DatabaseOutage.Cut"/>) and give it back while it checks on it directly.
/// </summary>
public sealed class RelayedDatabase : IAsyncDisposable
{
    private RelayedDatabase(TestDatabase database, DatabaseOutage outage, ServiceProvider services)
    {
        Database = database;
        Outage = outage;
        Services = services;
    }

    /// <summary>The database itself, reached directly (never cut).</summary>
    public TestDatabase Database { get; }

    public DatabaseOutage Outage { get; }

    /// <summary>Core's services, on the database through the relay.</summary>
    public ServiceProvider Services { get; }

    public static async Task<RelayedDatabase> CreateAsync()
    {
        var database = await TestDatabase.CreateAsync();
        var outage = new DatabaseOutage(database);
        return new RelayedDatabase(database, outage, database.CreateServices(connectionString: outage.ConnectionString));
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Outage.DisposeAsync();
        await Database.DisposeAsync();
    }
}
