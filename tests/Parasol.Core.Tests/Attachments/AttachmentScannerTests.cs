using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Parasol.Core.Attachments;
using Parasol.Testing;

namespace Parasol.Core.Tests.Attachments;

/// <summary>Uploads scanned by a real clamd before they are accepted; without an answer from it, nothing is accepted.</summary>
public sealed class AttachmentScannerTests(AttachmentScannerTests.Fixture fixture) : IClassFixture<AttachmentScannerTests.Fixture>
{
    private const string FileName = "zaświadczenie Kowalskiej.pdf";

    [Fact]
    public async Task A_clean_file_is_scanned_and_accepted()
    {
        var (result, _) = await UploadAsync(fixture.Clamd.Port, TestFiles.Pdf());

        Assert.Equal(UploadProblem.None, result.Problem);
        await using var db = fixture.Database.CreateDbContext();
        Assert.True(await db.Attachments.AnyAsync(a => a.Id == result.Attachment!.Id));
    }

    [Fact]
    public async Task A_pdf_carrying_the_eicar_test_virus_is_refused_and_nothing_is_kept()
    {
        byte[] infected = [.. TestFiles.Pdf()[..1000], .. ClamAvDaemon.Eicar, .. TestFiles.Pdf()[1000..]];

        var (result, logs) = await UploadAsync(fixture.Clamd.Port, infected);

        Assert.Equal(UploadProblem.Infected, result.Problem);
        await NothingKeptAsync(result);
        var log = Assert.Single(logs);
        Assert.Contains(ClamAvDaemon.SignatureName, log, StringComparison.Ordinal);
        Assert.DoesNotContain("Kowalsk", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_clamd_cannot_be_reached_the_upload_is_refused_and_the_log_names_no_person()
    {
        var (result, logs) = await UploadAsync(ClamAvDaemon.FreePort(), TestFiles.Pdf());

        Assert.Equal(UploadProblem.ScanUnavailable, result.Problem);
        await NothingKeptAsync(result);
        var log = Assert.Single(logs);
        Assert.Contains("unavailable", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Kowalsk", log, StringComparison.Ordinal);
        Assert.DoesNotContain(".pdf", log, StringComparison.Ordinal);
    }

    private async Task<(UploadResult Result, IReadOnlyList<string> Logs)> UploadAsync(int port, byte[] bytes)
    {
        var logs = new RecordingLoggerProvider();
        await using var services = fixture.Database.CreateServices(s =>
        {
            s.Configure<AttachmentStoreOptions>(o => o.Directory = fixture.Directory);
            s.Configure<ClamAvOptions>(o => { o.Host = "127.0.0.1"; o.Port = port; o.TimeoutSeconds = 10; });
            s.AddLogging(b => b.AddProvider(logs));
        });
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AttachmentUploader>()
            .UploadAsync(Guid.NewGuid(), AttachmentKind.Other, FileName, new MemoryStream(bytes));
        return (result, logs.Messages.ToList());
    }

    private async Task NothingKeptAsync(UploadResult result)
    {
        Assert.Null(result.Attachment);
        await using var db = fixture.Database.CreateDbContext();
        var keys = await db.Attachments.Select(a => a.StorageKey).ToListAsync();
        Assert.All(System.IO.Directory.EnumerateFiles(fixture.Directory, "*", SearchOption.AllDirectories),
            path => Assert.Contains(keys, key => path.EndsWith(key, StringComparison.Ordinal)));
    }

    public sealed class Fixture : IAsyncLifetime
    {
        public ClamAvDaemon Clamd { get; private set; } = null!;
        public TestDatabase Database { get; private set; } = null!;
        public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("parasol-scanned-").FullName;

        public async Task InitializeAsync()
        {
            Clamd = await ClamAvDaemon.StartAsync();
            Database = await TestDatabase.CreateAsync(seedDemoData: false);
        }

        public async Task DisposeAsync()
        {
            await Clamd.DisposeAsync();
            await Database.DisposeAsync();
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }

    /// <summary>Warnings and errors from the scanner, as an operator would read them.</summary>
    private sealed class RecordingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => categoryName == typeof(AttachmentScanner).FullName ? new Recorder(Messages) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public void Dispose()
        {
        }

        private sealed class Recorder(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    messages.Enqueue(formatter(state, exception) + (exception is null ? "" : " " + exception));
                }
            }
        }
    }
}
