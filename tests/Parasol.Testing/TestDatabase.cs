using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Parasol.Core;
using Parasol.Core.Data;

namespace Parasol.Testing;

/// <summary>
/// A fresh database for one test class, copied from a template that was migrated (and optionally seeded with the demo
/// office) once per server. Copying a template takes a fraction of a second, so every test class gets its own database
/// and classes run in parallel without seeing each other's rows.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private const long TemplateLock = 7_311_2026;

    private TestDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }
    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(bool seedDemoData = true)
    {
        var server = TestPostgres.ServerConnectionString;
        var template = await EnsureTemplateAsync(server, seedDemoData);
        var name = $"test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            // CREATE DATABASE ... TEMPLATE fails while another session copies the same template: take turns.
            await ExecuteAsync(connection, $"SELECT pg_advisory_lock({TemplateLock})");
            try
            {
                await ExecuteAsync(connection, $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
            }
            finally
            {
                await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({TemplateLock})");
            }
        }
        return new TestDatabase(name, new NpgsqlConnectionStringBuilder(server) { Database = name, CommandTimeout = 120, Timeout = 60 }.ConnectionString);
    }

    public ParasolDbContext CreateDbContext()
    {
        var options = new DbContextOptionsBuilder<ParasolDbContext>();
        ParasolDatabase.Configure(options, ConnectionString);
        return new ParasolDbContext(options.Options);
    }

    /// <summary>
    /// A service provider with Parasol's Core services on this database, for tests of Core services; with
    /// <paramref name="connectionString"/>, on it another way (a <see cref="DatabaseOutage"/>'s relay).
    /// </summary>
    public ServiceProvider CreateServices(Action<IServiceCollection>? configure = null, string? connectionString = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Default"] = connectionString ?? ConnectionString })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddParasolCore(configuration);
        configure?.Invoke(services);
        return services.BuildServiceProvider(validateScopes: true);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(TestPostgres.ServerConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        // Waiting for the template lock or copying a database can take long on a busy 2-core machine; never time out.
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> EnsureTemplateAsync(string server, bool seeded)
    {
        var template = $"parasol_template_{ModelFingerprint()}{(seeded ? "_seeded" : "")}";
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({TemplateLock})");
        try
        {
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
            exists.Parameters.AddWithValue("name", template);
            if (await exists.ExecuteScalarAsync() is not null)
            {
                return template;
            }
            var building = template + "_building";
            await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS \"{building}\" WITH (FORCE)");
            await ExecuteAsync(connection, $"CREATE DATABASE \"{building}\"");
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Default"] = new NpgsqlConnectionStringBuilder(server) { Database = building, Pooling = false }.ConnectionString,
            }).Build();
            var services = new ServiceCollection().AddLogging();
            services.AddParasolCore(configuration);
            await using (var provider = services.BuildServiceProvider())
            {
                await DatabaseMigrator.MigrateAsync(provider, seeded);
            }
            // Renaming last makes the template appear whole or not at all, even if this process dies half-way.
            await ExecuteAsync(connection, $"ALTER DATABASE \"{building}\" RENAME TO \"{template}\"");
            return template;
        }
        finally
        {
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({TemplateLock})");
        }
    }

    /// <summary>Changes whenever a migration is added, so a stale template from an earlier run is never reused.</summary>
    private static string ModelFingerprint()
    {
        var migrations = typeof(ParasolDbContext).Assembly.GetTypes()
            .Where(t => t.GetCustomAttributes(typeof(MigrationAttribute), false).Length > 0)
            .Select(t => ((MigrationAttribute)t.GetCustomAttributes(typeof(MigrationAttribute), false)[0]).Id)
            .Order(StringComparer.Ordinal);
        var seedVersion = typeof(Parasol.Core.Seeding.DemoSeeder).Assembly.ManifestModule.ModuleVersionId;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|', migrations) + seedVersion));
        return Convert.ToHexStringLower(hash)[..12];
    }
}
