using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Parasol.Testing;

/// <summary>
/// What EF Core told its log about the database work of a test's services (the SQL of each command, the savepoints),
/// for tests of how many round trips something takes. Add it with <c>logging.AddProvider(new DatabaseEventLog(events))</c>
/// and <c>SetMinimumLevel(LogLevel.Debug)</c>; the service provider owns it.
/// </summary>
public sealed class DatabaseEventLog(ConcurrentQueue<(EventId Id, string Message)> events) : ILoggerProvider, ILogger
{
    private static readonly HashSet<int> Kept = [RelationalEventId.CommandExecuting.Id, RelationalEventId.CreatingTransactionSavepoint.Id];

    /// <summary>The SQL of the commands sent, in order.</summary>
    public static IEnumerable<string> Commands(IEnumerable<(EventId Id, string Message)> events) =>
        events.Where(e => e.Id.Id == RelationalEventId.CommandExecuting.Id).Select(e => e.Message);

    /// <summary>How many savepoints were set.</summary>
    public static int Savepoints(IEnumerable<(EventId Id, string Message)> events) =>
        events.Count(e => e.Id.Id == RelationalEventId.CreatingTransactionSavepoint.Id);

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (Kept.Contains(eventId.Id))
        {
            events.Enqueue((eventId, formatter(state, exception)));
        }
    }

    public void Dispose()
    {
    }
}
