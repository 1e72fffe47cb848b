using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Parasol.Core.Web;

namespace Parasol.Core.Data;

public static class ParasolDatabase
{
    /// <summary><c>ConnectionStrings:Default</c> as both apps use it, for EF and Hangfire alike (see <see cref="ForThisApp"/>).</summary>
    public static string ConnectionString(IConfiguration configuration) =>
        ForThisApp(configuration.GetConnectionString("Default")
            ?? throw new InvalidOperationException("ConnectionStrings:Default is not set."));

    /// <summary>
    /// The connection string as the app uses it: unless it names an application itself, its connections carry this
    /// process's name (Parasol.Portal, Parasol.BackOffice) as <c>application_name</c>, so an operator sees in
    /// <c>pg_stat_activity</c> and the server's log which app holds which connection (each instance by its address).
    /// </summary>
    private static string ForThisApp(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = Assembly.GetEntryAssembly()?.GetName().Name ?? "Parasol";
        }
        return builder.ConnectionString;
    }

    /// <summary>
    /// Turns the connection string's <c>Include Error Detail</c> off outside Development and the test hosts. With it on,
    /// Npgsql puts the server's detail of a failed statement into the exception's message — the key values of a unique
    /// violation, the row a constraint refused (a PESEL, a name) — and from there into logs and error reports. Useful
    /// at a developer's desk; in production a family's data must not travel that way. Returns whether it was on.
    /// </summary>
    public static bool WithoutErrorDetail(IConfiguration configuration, IHostEnvironment environment)
    {
        var connectionString = configuration.GetConnectionString("Default");
        if (connectionString is null || environment.IsDevelopmentOrTesting())
        {
            return false;
        }
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!builder.IncludeErrorDetail)
        {
            return false;
        }
        builder.IncludeErrorDetail = false;
        configuration["ConnectionStrings:Default"] = builder.ConnectionString;
        return true;
    }

    /// <summary>
    /// EF Core on PostgreSQL. Its connections skip the <c>DISCARD ALL</c> Npgsql otherwise runs each time a pooled
    /// connection is taken again (EF opens and closes it around every query: a quarter of the statements of a
    /// submission, bench/submit): nothing of ours leaves state in a session — locks are taken for the transaction
    /// (<c>pg_advisory_xact_lock</c>, <c>FOR UPDATE</c>), no <c>SET</c>, <c>LISTEN</c>, temporary table or prepared
    /// statement — and Npgsql still rolls back a transaction left open. Hangfire's connections keep the reset (its
    /// long polling LISTENs), so they are pooled apart from these.
    /// </summary>
    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true }.ConnectionString,
                npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
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
