using Npgsql;
using Parasol.Core.Data;
using Parasol.Testing;

namespace Parasol.Core.Tests.Data;

/// <summary>Which failures the apps show as "the service is temporarily unavailable, try again" rather than as a fault.</summary>
public sealed class DatabaseFailuresTests
{
    [Fact]
    public async Task A_socket_failure_inside_the_driver_while_a_connection_opens_means_the_database_is_away()
    {
        await using var database = await TestDatabase.CreateAsync();
        var builder = new NpgsqlDataSourceBuilder(database.ConnectionString);
        // Stands in for the socket failing under the driver as the server goes away mid-open.
        builder.UsePhysicalConnectionInitializer(
            _ => throw new IOException("The operation is not allowed on non-connected sockets."),
            _ => throw new IOException("The operation is not allowed on non-connected sockets."));
        await using var source = builder.Build();

        var error = await Record.ExceptionAsync(async () => await source.OpenConnectionAsync());

        Assert.NotNull(error);
        Assert.True(DatabaseFailures.IsUnavailable(error), error.ToString());
        Assert.True(DatabaseFailures.IsUnavailable(new InvalidOperationException("wrapped", error)));
    }

    [Fact]
    public void Our_own_faults_are_not_mistaken_for_an_outage()
    {
        var ours = Record.Exception(() => File.ReadAllText(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))));

        Assert.IsType<FileNotFoundException>(ours);
        Assert.False(DatabaseFailures.IsUnavailable(ours));
        Assert.False(DatabaseFailures.IsUnavailable(new InvalidOperationException("A bug.")));
        Assert.False(DatabaseFailures.IsUnavailable(new PostgresException("duplicate key", "ERROR", "ERROR", "23505")));
    }
}
