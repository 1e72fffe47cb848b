using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Parasol.Core.Data;
using Parasol.Testing;

namespace Parasol.Core.Tests.Data;

/// <summary>
/// An operator looking at pg_stat_activity sees which app holds each connection: the process's name, unless the
/// connection string names an application itself.
/// </summary>
public sealed class ApplicationNameTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(seedDemoData: false);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task The_apps_connections_carry_the_process_name()
    {
        var expected = Assembly.GetEntryAssembly()!.GetName().Name!;
        Assert.Equal(expected, await ApplicationNameAsync(_database.ConnectionString));
    }

    [Fact]
    public async Task An_application_name_in_the_connection_string_is_kept()
    {
        var named = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { ApplicationName = "parasol-portal-2" }.ConnectionString;
        Assert.Equal("parasol-portal-2", await ApplicationNameAsync(named));
    }

    private async Task<string> ApplicationNameAsync(string connectionString)
    {
        await using var services = _database.CreateServices(connectionString: connectionString);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParasolDbContext>();
        return await db.Database.SqlQuery<string>($"SELECT application_name AS \"Value\" FROM pg_stat_activity WHERE pid = pg_backend_pid()").SingleAsync();
    }
}
