using System.Diagnostics;
using System.Net.Sockets;
using Npgsql;

namespace Parasol.Core.Data;

public static class DatabaseFailures
{
    /// <summary>
    /// Whether an exception means the database could not be reached or dropped the connection (stopped, restarting,
    /// out of connections, network gone) rather than a fault in Parasol: the same request may succeed a moment later.
    /// </summary>
    /// <remarks>
    /// Npgsql reports these as transient <see cref="NpgsqlException"/>s, except in a race while a connection opens (the
    /// server goes away between the connect and the first read): then the socket's own <see cref="IOException"/> comes
    /// out of the driver unwrapped, found here by where it was thrown. (Seen under the data-protection key ring of a
    /// Portal started while PostgreSQL was down: the page with a form answered 500 instead of "try again".)
    /// </remarks>
    public static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException { IsTransient: true })
            {
                return true;
            }
            if (e is IOException or SocketException && PassedThroughTheDriver(e))
            {
                return true;
            }
        }
        return false;
    }

    private static bool PassedThroughTheDriver(Exception exception) =>
        new StackTrace(exception, fNeedFileInfo: false).GetFrames()
            .Any(frame => frame.GetMethod()?.DeclaringType?.Assembly == typeof(NpgsqlConnection).Assembly);
}
