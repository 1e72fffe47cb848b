using Microsoft.EntityFrameworkCore;
using Parasol.Core.Cases;
using Parasol.Core.Data;
using Parasol.Core.Staff;
using Parasol.Testing;

namespace Parasol.Core.Tests.Seeding;

public sealed class DemoSeederTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(seedDemoData: true);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task The_demo_office_has_three_districts_every_role_and_about_thirty_cases_in_varied_states()
    {
        await using var db = _database.CreateDbContext();

        var office = await db.OfficeProfiles.Include(o => o.OpeningHours).Include(o => o.FileClassifications).SingleAsync();
        Assert.Equal(5, office.OpeningHours.Count);
        Assert.Equal(Enum.GetValues<CaseType>().Length, office.FileClassifications.Count);

        Assert.Equal(3, await db.Districts.CountAsync());
        Assert.All(await db.Districts.Include(d => d.SocialWorkers).ToListAsync(), d => Assert.NotEmpty(d.SocialWorkers));

        var roles = await db.Roles.Select(r => r.Name).ToListAsync();
        Assert.Equal(StaffRole.All.Order(), roles.Order());
        foreach (var role in await db.Roles.ToListAsync())
        {
            Assert.True(await db.UserRoles.AnyAsync(ur => ur.RoleId == role.Id), $"nobody holds {role.Name}");
        }

        var cases = await db.Cases.Include(c => c.People).ToListAsync();
        Assert.InRange(cases.Count, 25, 40);
        Assert.True(cases.Select(c => c.Status).Distinct().Count() >= 8);
        Assert.Equal(Enum.GetValues<CaseType>().Length - 1, cases.Select(c => c.Type).Distinct().Count()); // no accessibility requests
        Assert.All(cases, c => Assert.Contains(c.People, p => p.Role == PersonRole.Applicant));
        Assert.All(cases.SelectMany(c => c.People), p => Assert.True(Parasol.Core.Validation.Pesel.IsValid(p.Pesel, DateOnly.FromDateTime(DateTime.UtcNow))));
    }

    [Fact]
    public async Task Seeded_status_changes_name_their_status_for_the_page_to_translate()
    {
        await using var db = _database.CreateDbContext();
        var changes = await db.CaseEvents.Where(e => e.Kind == CaseEventKind.StatusChanged).ToListAsync();

        Assert.NotEmpty(changes);
        Assert.All(changes, e => Assert.NotNull(e.NewStatus));
        Assert.DoesNotContain(changes, e => e.Text.Contains("Status:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Seeding_again_changes_nothing()
    {
        await using var db = _database.CreateDbContext();
        var before = await db.Cases.CountAsync();
        var seeder = new Parasol.Core.Seeding.DemoSeeder(db, TimeProvider.System);

        Assert.False(await seeder.SeedAsync());
        Assert.Equal(before, await db.Cases.CountAsync());
    }

    [Fact]
    public async Task Polish_surnames_sort_as_Poles_expect()
    {
        await using var db = _database.CreateDbContext();
        var names = await db.CasePeople.Select(p => p.LastName).Distinct().OrderBy(n => n).ToListAsync();
        // Ł comes after L and before M; Ż/Ź after Z; a plain byte order would put them after every ASCII letter.
        Assert.True(names.IndexOf("Łukasik") > names.IndexOf("Lewandowska"));
        Assert.True(names.IndexOf("Łukasik") < names.IndexOf("Majewska"));
    }
}
