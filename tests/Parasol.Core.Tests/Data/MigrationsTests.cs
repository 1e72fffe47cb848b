using Microsoft.EntityFrameworkCore;
using Parasol.Testing;

namespace Parasol.Core.Tests.Data;

public sealed class MigrationsTests
{
    [Fact]
    public async Task The_committed_migrations_match_the_model()
    {
        await using var database = await TestDatabase.CreateAsync(seedDemoData: false);
        await using var db = database.CreateDbContext();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes without a migration: run dotnet ef migrations add.");
    }
}
