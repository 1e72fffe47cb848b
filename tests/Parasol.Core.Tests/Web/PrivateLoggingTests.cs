using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Parasol.Core;
using Parasol.Core.Data;
using Parasol.Core.Web;
using Parasol.Testing;

namespace Parasol.Core.Tests.Web;

/// <summary>
/// An operator who turns logging up to find a fault, or copies a developer's connection string into production, must not
/// make the apps write a family's data into their logs.
/// </summary>
public sealed class PrivateLoggingTests : IAsyncLifetime
{
    private const string PageHandlers = "Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure.PageActionInvoker";
    private const string Pesel = "85010112345";

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(seedDemoData: false);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [InlineData("Logging:Capture:LogLevel:" + PageHandlers)]
    [InlineData("Logging:Capture:LogLevel:Microsoft.AspNetCore.Mvc")]
    [InlineData("Logging:Capture:LogLevel:Microsoft.AspNetCore.Mvc.*.PageActionInvoker")]
    [InlineData("Logging:Capture:LogLevel:Default")]
    [InlineData("Logging:LogLevel:" + PageHandlers)]
    public void Page_handlers_arguments_stay_out_of_the_log_even_when_a_provider_asks_for_Trace(string setting)
    {
        using var host = Build("Production", new() { [setting] = "Trace", ["Logging:Capture:LogLevel:Parasol"] = "Trace" });
        var loggers = host.Services.GetRequiredService<ILoggerFactory>();

        var handlers = loggers.CreateLogger(PageHandlers);
        Assert.False(handlers.IsEnabled(LogLevel.Trace));
        Assert.True(handlers.IsEnabled(LogLevel.Debug));
        // Everything else is as the operator asked.
        Assert.True(loggers.CreateLogger("Parasol.Core.Routing.CaseRouter").IsEnabled(LogLevel.Trace));
    }

    [Theory]
    [InlineData("Logging:Capture:LogLevel:Microsoft.AspNetCore")]
    [InlineData("Logging:LogLevel:Microsoft.AspNetCore")]
    [InlineData("Logging:LogLevel:Default")]
    public void A_setting_quieter_than_the_cap_stays_quieter(string setting)
    {
        using var host = Build("Production", new() { [setting] = "Warning" });

        var handlers = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(PageHandlers);
        Assert.False(handlers.IsEnabled(LogLevel.Information));
        Assert.True(handlers.IsEnabled(LogLevel.Warning));
    }

    [Fact]
    public async Task In_production_a_failed_statement_does_not_carry_its_values_into_the_exception_or_the_log()
    {
        var log = new ConcurrentQueue<string>();
        using var host = Build("Production", [], log);
        await host.StartAsync();

        var exception = await DuplicateKeyAsync(host);

        Assert.DoesNotContain(Pesel, exception.ToString(), StringComparison.Ordinal);
        Assert.Contains(log, line => line.Contains("Include Error Detail", StringComparison.Ordinal));
        await host.StopAsync();
    }

    [Fact]
    public async Task In_development_the_detail_is_kept_for_the_developer()
    {
        var log = new ConcurrentQueue<string>();
        using var host = Build("Development", [], log);
        await host.StartAsync();

        var exception = await DuplicateKeyAsync(host);

        Assert.Contains(Pesel, exception.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(log, line => line.Contains("Include Error Detail", StringComparison.Ordinal));
        await host.StopAsync();
    }

    private static async Task<Exception> DuplicateKeyAsync(IHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParasolDbContext>();
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("CREATE TEMPORARY TABLE people (pesel text PRIMARY KEY)");
        return await Assert.ThrowsAsync<PostgresException>(() =>
            db.Database.ExecuteSqlRawAsync($"INSERT INTO people VALUES ('{Pesel}'), ('{Pesel}')"));
    }

    private IHost Build(string environment, Dictionary<string, string?> settings, ConcurrentQueue<string>? log = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment, DisableDefaults = true });
        settings["ConnectionStrings:Default"] = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { IncludeErrorDetail = true }.ConnectionString;
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddProvider(new Capture(log ?? new ConcurrentQueue<string>()));
        builder.AddParasolPrivateLogging();
        builder.Services.AddParasolCore(builder.Configuration);
        return builder.Build();
    }

    [ProviderAlias("Capture")]
    private sealed class Capture(ConcurrentQueue<string> lines) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(formatter(state, exception) + exception);

        public void Dispose()
        {
        }
    }
}
