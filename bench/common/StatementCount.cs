using Npgsql;

namespace Parasol.Bench;

/// <summary>
/// How many statements the database ran between a reset and a reading, from <c>pg_stat_statements</c> (the cluster
/// started with <c>shared_preload_libraries=pg_stat_statements</c>, as the benchmarks' run.sh do), in the groups that
/// tell where they come from. Unlike CPU time on a shared machine, the count is the same from run to run for the same
/// build and load, so a change that saves round trips shows in it even when the seconds do not move.
/// </summary>
public sealed class StatementCount(string connectionString)
{
    /// <summary>The groups, first match wins; what matches none is Parasol's own SQL (EF Core's and ours).</summary>
    private const string Grouping = """
        SELECT CASE
                 WHEN query = 'DISCARD ALL' THEN 'DISCARD ALL (pooled connection reset)'
                 WHEN query ~* '^(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE SAVEPOINT)' THEN 'BEGIN, COMMIT, SAVEPOINT'
                 WHEN query ~* 'hangfire|^(LISTEN|NOTIFY|UNLISTEN) ' THEN 'Hangfire'
                 ELSE 'Parasol''s own'
               END AS part,
               sum(calls)::bigint
        FROM pg_stat_statements
        WHERE query !~* 'pg_stat_statements'
        GROUP BY 1
        ORDER BY 2 DESC
        """;

    /// <summary>Starts counting from zero; false when the cluster does not have the extension loaded.</summary>
    public async Task<bool> ResetAsync()
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using (var create = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements", connection))
            {
                await create.ExecuteNonQueryAsync();
            }
            await using var reset = new NpgsqlCommand("SELECT pg_stat_statements_reset()", connection);
            await reset.ExecuteNonQueryAsync();
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectNotInPrerequisiteState)
        {
            // "pg_stat_statements must be loaded via shared_preload_libraries"
            return false;
        }
    }

    /// <summary>The statements run most often since <see cref="ResetAsync"/>, each with its count and its text's start.</summary>
    public async Task<IReadOnlyList<(long Calls, string Query)>> TopAsync(int count)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT calls, left(regexp_replace(query, '\\s+', ' ', 'g'), 160) FROM pg_stat_statements WHERE query !~* 'pg_stat_statements' ORDER BY calls DESC LIMIT $1",
            connection);
        command.Parameters.AddWithValue(count);
        await using var reader = await command.ExecuteReaderAsync();
        var top = new List<(long, string)>();
        while (await reader.ReadAsync())
        {
            top.Add((reader.GetInt64(0), reader.GetString(1)));
        }
        return top;
    }

    /// <summary>Statements since <see cref="ResetAsync"/>, by group, most first.</summary>
    public async Task<IReadOnlyList<(string Part, long Statements)>> ReadAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(Grouping, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var parts = new List<(string, long)>();
        while (await reader.ReadAsync())
        {
            parts.Add((reader.GetString(0), reader.GetInt64(1)));
        }
        return parts;
    }
}
