using Hangfire.Logging;

namespace Parasol.Core.Jobs;

/// <summary>
/// Hangfire's log provider is process-wide (a static), but it is built from one host's logger factory. When that host
/// stops while others in the same process go on (several hosts in one test run, or a host restarted in place), its
/// disposed factory must not break the others: every new <c>BackgroundJobClient</c> asks it for a logger, and an
/// <see cref="ObjectDisposedException"/> there made every database write of a Portal fail. A logger asked for after
/// that gets no output instead; loggers handed out before keep logging through their own host.
/// </summary>
public sealed class ProcessWideLogProvider(ILogProvider inner) : ILogProvider
{
    public ILog GetLogger(string name)
    {
        try
        {
            return inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        // Hangfire calls Log(level, null) to ask whether a level is enabled; "no" to both.
        public bool Log(LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
