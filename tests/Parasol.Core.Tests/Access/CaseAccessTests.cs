using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parasol.Core.Access;
using Parasol.Core.Data;
using Parasol.Testing;

namespace Parasol.Core.Tests.Access;

public sealed class CaseAccessTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _services = _database.CreateServices();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<(StaffScope Staff, ParasolDbContext Db, AsyncServiceScope Scope)> ScopeOfAsync(string email)
    {
        var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParasolDbContext>();
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return (await scope.ServiceProvider.GetRequiredService<CaseAccess>().ForStaffAsync(id), db, scope);
    }

    [Theory]
    [InlineData("kancelaria@ops.example")]
    [InlineData("dyrektor@ops.example")]
    public async Task The_registry_and_the_director_see_every_case(string email)
    {
        var (staff, db, scope) = await ScopeOfAsync(email);
        await using var _ = scope;
        Assert.Equal(await db.Cases.CountAsync(), await staff.Cases.CountAsync());
    }

    [Fact]
    public async Task A_social_worker_sees_the_cases_of_their_districts_and_those_assigned_to_them_only()
    {
        var (staff, db, scope) = await ScopeOfAsync("j.wisniewski@ops.example");
        await using var _ = scope;
        var elsewhere = await db.Cases.FirstAsync(c => c.DistrictId != null && !staff.DistrictIds.Contains(c.DistrictId.Value));
        Assert.False(await staff.Cases.AnyAsync(c => c.Id == elsewhere.Id));

        elsewhere.SocialWorkerId = staff.StaffId;
        await db.SaveChangesAsync();

        var seen = await staff.Cases.ToListAsync();
        Assert.Contains(seen, c => c.Id == elsewhere.Id);
        Assert.All(seen, c => Assert.True(c.SocialWorkerId == staff.StaffId || staff.DistrictIds.Contains(c.DistrictId!.Value)));
        Assert.True(seen.Count < await db.Cases.CountAsync());
    }

    [Fact]
    public async Task A_family_assistant_sees_only_the_families_assigned_to_them()
    {
        var (staff, db, scope) = await ScopeOfAsync("k.lewandowska@ops.example");
        await using var _ = scope;
        var seen = await staff.Cases.ToListAsync();
        Assert.NotEmpty(seen);
        Assert.All(seen, c => Assert.Equal(staff.StaffId, c.FamilyAssistantId));
        Assert.Equal(await db.Cases.CountAsync(c => c.FamilyAssistantId == staff.StaffId), seen.Count);
    }

    [Fact]
    public async Task An_administrator_without_a_case_role_and_a_deactivated_clerk_see_no_case()
    {
        var (admin, db, scope) = await ScopeOfAsync("admin@ops.example");
        await using var _ = scope;
        Assert.Equal(0, await admin.Cases.CountAsync());

        var clerk = await db.Users.SingleAsync(u => u.Email == "kancelaria@ops.example");
        clerk.IsActive = false;
        await db.SaveChangesAsync();
        var (deactivated, _, scope2) = await ScopeOfAsync("kancelaria@ops.example");
        await using var __ = scope2;
        Assert.Equal(0, await deactivated.Cases.CountAsync());
    }
}
