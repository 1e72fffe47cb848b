using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parasol.Core.Cases;
using Parasol.Core.Seeding;

namespace Parasol.Core.Data;

/// <summary>The explicit "migrate (and seed)" step run.sh and the tests use; production runs the EF migrations bundle.</summary>
public static class DatabaseMigrator
{
    public static async Task MigrateAsync(IServiceProvider services, bool seedDemoData, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParasolDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        if (seedDemoData)
        {
            var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            // The demo history is not news: seeding goes around the outbox interceptor, so it neither routes nor mails.
            var options = new DbContextOptionsBuilder<ParasolDbContext>();
            ParasolDatabase.Configure(options, db.Database.GetConnectionString()!);
            await using var seedDb = new ParasolDbContext(options.Options);
            var seeder = new DemoSeeder(seedDb, time);
            await seeder.SeedAsync(cancellationToken);
        }
    }
}
