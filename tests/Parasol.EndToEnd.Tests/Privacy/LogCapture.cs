using System.Collections;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Parasol.EndToEnd.Tests.Privacy;

/// <summary>
/// Every log entry a host writes, whatever its level or category: the formatted message, each structured value (what a
/// JSON console formatter would write beside the message), the exception with its inner ones, and the scopes around it.
/// </summary>
public sealed class LogCapture(string app) : ILoggerProvider, ISupportExternalScope
{
    private readonly string _app = app;
    private readonly ConcurrentQueue<CapturedLog> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<CapturedLog> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private static IEnumerable<string> Values(object? state)
    {
        if (state is null)
        {
            yield break;
        }
        yield return state.ToString() ?? "";
        if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            foreach (var (key, value) in pairs)
            {
                yield return $"{key}={Flatten(value)}";
            }
        }
    }

    private static string Flatten(object? value) => value switch
    {
        null => "",
        string s => s,
        IEnumerable items => string.Join(", ", items.Cast<object?>().Select(Flatten)),
        _ => value.ToString() ?? "",
    };

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => capture._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<string>();
            capture._scopes.ForEachScope((scope, list) => list.AddRange(Values(scope)), scopes);
            capture._entries.Enqueue(new CapturedLog(
                capture._app, category, logLevel, formatter(state, exception), [.. Values(state)], exception?.ToString(), scopes));
        }
    }
}

public sealed record CapturedLog(
    string App, string Category, LogLevel Level, string Message, IReadOnlyList<string> State, string? Exception, IReadOnlyList<string> Scopes)
{
    /// <summary>Everything of the entry a log sink could keep, as one text.</summary>
    public string AllText => string.Join("\n", [Message, .. State, Exception ?? "", .. Scopes]);

    public override string ToString() => $"[{App} {Level}] {Category}: {Message}";
}
