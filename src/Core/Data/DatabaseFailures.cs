using Npgsql;

namespace Parasol.Core.Data;

public static class DatabaseFailures
{
    /// <summary>
    /// Whether an exception means the database could not be reached or dropped the connection (stopped, restarting,
    /// out of connections, network gone) rather than a fault in Parasol: the same request may succeed a moment later.
    /// </summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException { IsTransient: true })
            {
                return true;
            }
        }
        return false;
    }
}
