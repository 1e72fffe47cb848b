using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Parasol.Core.Data;

namespace Parasol.Core.Offices;

/// <summary>Reads the office profile; every page shows it, so it is cached briefly.</summary>
public sealed class OfficeProfileService(ParasolDbContext db, IMemoryCache cache)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private const string CacheKey = "office-profile";

    public async Task<OfficeProfile> GetAsync(CancellationToken cancellationToken = default) =>
        (await cache.GetOrCreateAsync(CacheKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            return await db.OfficeProfiles.AsNoTracking()
                .Include(o => o.OpeningHours)
                .Include(o => o.FileClassifications)
                .SingleOrDefaultAsync(cancellationToken)
                ?? throw new InvalidOperationException("The office profile has not been set up; run the seed or the admin set-up.");
        }))!;

    /// <summary>The profile if it is in the cache, without touching the database (for pages shown when it is down).</summary>
    public OfficeProfile? Cached => cache.TryGetValue(CacheKey, out OfficeProfile? profile) ? profile : null;

    public void Invalidate() => cache.Remove(CacheKey);
}
