using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Parasol.Core.Data;

namespace Parasol.Core.Offices;

/// <summary>
/// Reads the office profile; every page shows it, so it is cached briefly. While the database is unavailable the last
/// profile read stands in, so pages (and the "try again" page) can still be shown.
/// </summary>
public sealed class OfficeProfileService(ParasolDbContext db, IMemoryCache cache)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private const string CacheKey = "office-profile";
    private const string LastKnownKey = "office-profile-last-known";

    public async Task<OfficeProfile> GetAsync(CancellationToken cancellationToken = default)
    {
        if (cache.TryGetValue(CacheKey, out OfficeProfile? cached) && cached is not null)
        {
            return cached;
        }
        try
        {
            var profile = await db.OfficeProfiles.AsNoTracking()
                .Include(o => o.OpeningHours)
                .Include(o => o.FileClassifications)
                .SingleOrDefaultAsync(cancellationToken)
                ?? throw new InvalidOperationException("The office profile has not been set up; run the seed or the admin set-up.");
            cache.Set(CacheKey, profile, CacheFor);
            cache.Set(LastKnownKey, profile, new MemoryCacheEntryOptions { Priority = CacheItemPriority.NeverRemove });
            return profile;
        }
        catch (Exception e) when (DatabaseFailures.IsUnavailable(e) && cache.TryGetValue(LastKnownKey, out OfficeProfile? lastKnown) && lastKnown is not null)
        {
            return lastKnown;
        }
    }

    /// <summary>The profile if it is in the cache, without touching the database (for pages shown when it is down).</summary>
    public OfficeProfile? Cached => cache.TryGetValue(LastKnownKey, out OfficeProfile? profile) ? profile : null;

    public void Invalidate() => cache.Remove(CacheKey);
}
