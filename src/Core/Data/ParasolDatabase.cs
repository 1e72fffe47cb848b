using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Parasol.Core.Data;

public static class ParasolDatabase
{
    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();

    /// <summary>
    /// A transaction that is committed or rolled back whole, as every one of ours is: without the savepoint EF otherwise
    /// sets around each save inside it (two more statements and round trips per save), which only code that recovers
    /// from a failed save and goes on in the same transaction would use. A pooled context gets EF's default back when
    /// it returns to the pool.
    /// </summary>
    public static async Task<IDbContextTransaction> BeginWholeTransactionAsync(this DatabaseFacade database, CancellationToken cancellationToken)
    {
        var transaction = await database.BeginTransactionAsync(cancellationToken);
        database.AutoSavepointsEnabled = false;
        return transaction;
    }
}
