using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Parasol.Core;
using Parasol.Core.Data;
using Parasol.Core.Jobs;
using Parasol.Core.Mail;
using Parasol.Core.Outbox;
using Parasol.Core.Staff;
using Parasol.Testing;
using Xunit.Abstractions;

namespace Parasol.BackOffice.Tests.Jobs;

/// <summary>
/// The BackOffice's Hangfire server against a Portal-like client in another host: jobs start within a second thanks to
/// LISTEN/NOTIFY on both sides, cases are routed and receipts reach a real SMTP server once.
/// </summary>
public sealed class HangfireTests(ITestOutputHelper output) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private Maildev _smtp = null!;
    private ParasolAppFactory<SharedResource> BackOfficeApp { get; set; } = null!;
    private ServiceProvider _portal = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _smtp = await Maildev.StartAsync();
        BackOfficeApp = new ParasolAppFactory<SharedResource>(_database);
        BackOfficeApp.Settings["Jobs:RunServer"] = "true";
        BackOfficeApp.Settings["Mail:Host"] = "127.0.0.1";
        BackOfficeApp.Settings["Mail:Port"] = _smtp.SmtpPort.ToString(CultureInfo.InvariantCulture);
        BackOfficeApp.Settings["Mail:Security"] = "None";
        HeaderRoles.Use(BackOfficeApp);
        // The Portal's registration, in a host of its own: enqueue only.
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Default"] = _database.ConnectionString })
            .Build();
        var portal = new ServiceCollection().AddLogging();
        portal.AddParasolCore(configuration);
        portal.AddParasolJobsClient(configuration);
        _portal = portal.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        await BackOfficeApp.DisposeAsync();
        await _smtp.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Cases_submitted_on_the_portal_are_routed_and_acknowledged_within_a_second()
    {
        _ = BackOfficeApp.Services; // starts the BackOffice and its Hangfire server
        var warmUp = await TestCases.SubmitAsync(_portal); // schema, connections, JIT
        // Not measured; on a loaded machine its first send may fail and wait for the backoff and the sweep, as below.
        await WaitUntilDoneAsync(warmUp.Id, TimeSpan.FromSeconds(90));

        const int count = 20;
        var submitToDone = new List<double>();
        var caseIds = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var clock = Stopwatch.StartNew();
            var c = await TestCases.SubmitAsync(_portal);
            await WaitUntilDoneAsync(c.Id, TimeSpan.FromSeconds(90)); // a failed send waits for its backoff and the sweep
            submitToDone.Add(clock.Elapsed.TotalMilliseconds);
            caseIds.Add(c.Id);
        }
        var enqueueToStart = await EnqueueToStartAsync();

        output.WriteLine($"enqueue → start (Hangfire, {enqueueToStart.Count} jobs): median {Percentile(enqueueToStart, 50):F0} ms, p99 {Percentile(enqueueToStart, 99):F0} ms");
        output.WriteLine($"submit → routed and receipt accepted by SMTP ({count} cases): median {Percentile(submitToDone, 50):F0} ms, p99 {Percentile(submitToDone, 99):F0} ms");
        Assert.True(Percentile(enqueueToStart, 50) < 1000);
        Assert.True(Percentile(submitToDone, 50) < 1000);

        // Each case: one receipt to the family and one "assigned to you" to the social worker it was routed to.
        var mails = await _smtp.WaitForAsync(2 * (count + 1));
        Assert.Equal(count + 1, mails.Count(m => m.To.StartsWith("rodzina-", StringComparison.Ordinal)));
        Assert.Equal(count + 1, mails.Count(m => m.To.EndsWith("@ops.example", StringComparison.Ordinal)));
        Assert.Equal(2 * (count + 1), mails.Count);
        await using var db = _database.CreateDbContext();
        Assert.Equal(count, await db.CaseEvents.CountAsync(e => caseIds.Contains(e.CaseId) && e.Kind == Core.Cases.CaseEventKind.Routed));
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Redirect)]
    [InlineData(StaffRole.RegistryClerk, HttpStatusCode.Forbidden)]
    [InlineData(StaffRole.Director, HttpStatusCode.Forbidden)]
    [InlineData(StaffRole.Administrator, HttpStatusCode.OK)]
    public async Task The_dashboard_is_for_administrators_only(string? role, HttpStatusCode expected)
    {
        using var client = BackOfficeApp.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (role is not null)
        {
            client.DefaultRequestHeaders.Add(HeaderRoles.Header, role);
        }

        var response = await client.GetAsync(new Uri("/hangfire", UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
    }

    private async Task WaitUntilDoneAsync(Guid caseId, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        await using var db = _database.CreateDbContext();
        do
        {
            var pending = await db.OutboxMessages.CountAsync(m =>
                m.CaseId == caseId && (m.Kind == OutboxKind.RouteCase || m.Template == MailTemplate.Receipt)
                && m.ProcessedAt == null);
            if (pending == 0)
            {
                return;
            }
            await Task.Delay(5);
        }
        while (DateTime.UtcNow < until);
        // What the outbox and Hangfire say about it, so that a failure here tells why.
        var rows = await db.OutboxMessages.AsNoTracking().Where(m => m.CaseId == caseId).OrderBy(m => m.Id).ToListAsync();
        var outbox = string.Join("; ", rows.Select(m =>
            $"{m.Kind}/{m.Template}: created {m.CreatedAt:HH:mm:ss.fff}, due {m.DueAt:HH:mm:ss.fff}, enqueued {m.EnqueuedAt:HH:mm:ss.fff}, attempts {m.Attempts}, processed {m.ProcessedAt:HH:mm:ss.fff}, error {m.LastError}"));
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        // Every job: what it ran, with which rows, and how it ended (a failure's exception, a success's result).
        await using var command = new NpgsqlCommand(
            """
            SELECT string_agg(format('#%s %s(%s) created %s: %s %s', j.id, j.invocationdata->>'Method', j.arguments,
                to_char(j.createdat, 'HH24:MI:SS.MS'), coalesce(j.statename, '(none)'),
                coalesce(s.data->>'ExceptionType', '') || ' ' || coalesce(s.data->>'ExceptionMessage', s.data->>'Result', '')), '; ' ORDER BY j.id)
            FROM hangfire.job j LEFT JOIN hangfire.state s ON s.id = j.stateid
            """,
            connection);
        var jobs = await command.ExecuteScalarAsync();
        throw new TimeoutException(
            $"Case {caseId} was not routed and acknowledged in time (now {DateTimeOffset.UtcNow:HH:mm:ss.fff}). Outbox: {outbox}. Hangfire jobs: {jobs}. {BackOfficeApp.ServerErrors}");
    }

    private async Task<List<double>> EnqueueToStartAsync()
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT EXTRACT(EPOCH FROM (MIN(s.createdat) - j.createdat)) * 1000
            FROM hangfire.job j JOIN hangfire.state s ON s.jobid = j.id AND s.name = 'Processing'
            WHERE j.invocationdata::text LIKE '%OutboxBatchJob%'
            GROUP BY j.id, j.createdat
            """, connection);
        var values = new List<double>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(Convert.ToDouble(reader.GetValue(0), CultureInfo.InvariantCulture));
        }
        return values;
    }

    private static double Percentile(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        var index = (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
    }
}
