using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Parasol.Core.Data;
using Parasol.Core.Districts;
using Parasol.Core.Staff;

namespace Parasol.Bench;

/// <summary>
/// An office the size of a city that takes many applications: districts of their own postal codes, each with its own
/// social workers, beside the demo office's three. Spread over them, the benchmark's families give each worker a caseload
/// an office has (dozens of open cases), not the thousands that one district collected in a long run.
/// </summary>
public static class BenchOffice
{
    public static async Task<IReadOnlyList<string>> AddDistrictsAsync(ParasolDbContext db, int districts, int workersEach)
    {
        var socialWorker = await db.Roles.SingleAsync(r => r.Name == StaffRole.SocialWorker);
        var postalCodes = new List<string>();
        for (var d = 0; d < districts; d++)
        {
            var postalCode = string.Create(CultureInfo.InvariantCulture, $"44-{300 + d:D3}");
            var workers = Enumerable.Range(0, workersEach).Select(w =>
            {
                var email = string.Create(CultureInfo.InvariantCulture, $"bench.worker.{d}.{w}@ops.example");
                return new StaffMember
                {
                    Id = Guid.CreateVersion7(),
                    UserName = email,
                    NormalizedUserName = email.ToUpperInvariant(),
                    Email = email,
                    NormalizedEmail = email.ToUpperInvariant(),
                    FirstName = "Pracownik",
                    LastName = string.Create(CultureInfo.InvariantCulture, $"Rejonu {d + 1} ({w + 1})"),
                    SecurityStamp = Guid.NewGuid().ToString("N"),
                };
            }).ToList();
            db.Users.AddRange(workers);
            db.UserRoles.AddRange(workers.Select(w => new IdentityUserRole<Guid> { UserId = w.Id, RoleId = socialWorker.Id }));
            db.Districts.Add(new District
            {
                Id = Guid.CreateVersion7(),
                Name = string.Create(CultureInfo.InvariantCulture, $"Rejon {d + 1}"),
                StreetRanges = [new() { Id = Guid.CreateVersion7(), PostalCode = postalCode }],
                SocialWorkers = workers,
            });
            postalCodes.Add(postalCode);
        }
        await db.SaveChangesAsync();
        return postalCodes;
    }
}
