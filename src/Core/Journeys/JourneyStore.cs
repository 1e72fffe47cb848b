using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Parasol.Core.Data;

namespace Parasol.Core.Journeys;

/// <summary>Reads and writes journey state as JSON. Every save pushes the expiry forward.</summary>
public sealed class JourneyStore(ParasolDbContext db, TimeProvider time, IOptions<JourneyOptions> options)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<Guid> StartAsync<TState>(string journey, TState state, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var row = new JourneyState
        {
            Id = Guid.NewGuid(),
            Journey = journey,
            StateJson = JsonSerializer.Serialize(state, Json),
            CreatedAt = now,
            UpdatedAt = now,
            ExpiresAt = now + Expiry,
        };
        db.JourneyStates.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return row.Id;
    }

    /// <summary>The state of a journey that exists, belongs to <paramref name="journey"/> and has not expired; otherwise null.</summary>
    public async Task<TState?> GetAsync<TState>(string journey, Guid id, CancellationToken cancellationToken = default)
        where TState : class
    {
        var now = time.GetUtcNow();
        var json = await db.JourneyStates.AsNoTracking()
            .Where(s => s.Id == id && s.Journey == journey && s.ExpiresAt > now)
            .Select(s => s.StateJson)
            .SingleOrDefaultAsync(cancellationToken);
        return json is null ? null : JsonSerializer.Deserialize<TState>(json, Json);
    }

    public async Task SaveAsync<TState>(string journey, Guid id, TState state, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var json = JsonSerializer.Serialize(state, Json);
        var updated = await db.JourneyStates
            .Where(s => s.Id == id && s.Journey == journey && s.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.StateJson, json)
                .SetProperty(x => x.UpdatedAt, now)
                .SetProperty(x => x.ExpiresAt, now + Expiry), cancellationToken);
        if (updated == 0)
        {
            throw new JourneyExpiredException();
        }
    }

    /// <summary>Removes expired journeys (a maintenance job may call it); returns how many went.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        return await db.JourneyStates.Where(s => s.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
    }

    private TimeSpan Expiry => TimeSpan.FromHours(options.Value.ExpiryHours);
}

/// <summary>The journey was submitted, expired or never existed.</summary>
public sealed class JourneyExpiredException : Exception
{
    public JourneyExpiredException()
        : base("The journey does not exist or has expired.")
    {
    }
}
