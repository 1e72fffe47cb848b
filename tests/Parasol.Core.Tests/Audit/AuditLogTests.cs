using Microsoft.EntityFrameworkCore;
using Npgsql;
using Parasol.Core.Audit;
using Parasol.Testing;

namespace Parasol.Core.Tests.Audit;

public sealed class AuditLogTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(seedDemoData: false);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [InlineData("UPDATE audit_log SET detail = 'covered up'")]
    [InlineData("DELETE FROM audit_log")]
    [InlineData("TRUNCATE audit_log")]
    public async Task The_database_refuses_to_change_or_delete_an_entry(string sql)
    {
        await using var db = _database.CreateDbContext();
        await new AuditLog(db, TimeProvider.System).WriteAsync(Guid.NewGuid(), AuditAction.CaseViewed, Guid.NewGuid());

        var refused = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync(sql));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        Assert.Equal("", (await db.AuditEntries.AsNoTracking().SingleAsync()).Detail);
    }
}
