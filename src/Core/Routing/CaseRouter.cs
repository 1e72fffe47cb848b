using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Parasol.Core.Cases;
using Parasol.Core.Data;
using Parasol.Core.Districts;
using Parasol.Core.Staff;
using Parasol.Core.Time;

namespace Parasol.Core.Routing;

/// <summary>
/// Places a new case with a social worker: address → district (by postal code, street and house-number range) → the
/// district's available worker with the fewest open cases; otherwise the registry queue. The decision and its reason go
/// on the timeline.
/// </summary>
public sealed class CaseRouter(ParasolDbContext db, TimeProvider time)
{
    /// <summary>Routes the case once; returns false when it was already routed or assigned (nothing changes then).</summary>
    public async Task<bool> RouteAsync(Case c, CancellationToken cancellationToken = default)
    {
        var alreadyRouted = c.SocialWorkerId is not null
            || await db.CaseEvents.AnyAsync(e => e.CaseId == c.Id && e.Kind == CaseEventKind.Routed, cancellationToken);
        if (alreadyRouted)
        {
            return false;
        }

        var now = time.GetUtcNow();
        var (district, worker, reason) = await DecideAsync(c.FamilyAddress, WarsawTime.Today(time), cancellationToken);
        c.DistrictId = district?.Id;
        c.Events.Add(new CaseEvent { CaseId = c.Id, OccurredAt = now, Kind = CaseEventKind.Routed, Text = reason });
        if (worker is not null)
        {
            c.SocialWorkerId = worker.Id;
            if (c.Status == CaseStatus.Received)
            {
                c.Status = CaseStatus.WithSocialWorker;
                c.Events.Add(new CaseEvent
                {
                    CaseId = c.Id,
                    OccurredAt = now,
                    Kind = CaseEventKind.StatusChanged,
                    NewStatus = CaseStatus.WithSocialWorker,
                    Text = "Status: u pracownika socjalnego.",
                });
            }
        }
        return true;
    }

    public async Task<(District? District, StaffMember? Worker, string Reason)> DecideAsync(
        Address? address, DateOnly today, CancellationToken cancellationToken = default)
    {
        if (address is null || string.IsNullOrWhiteSpace(address.PostalCode))
        {
            return (null, null, "brak adresu → kolejka kancelarii");
        }
        var postalCode = address.PostalCode.Trim();
        var street = StreetName.Normalize(address.Street);
        var number = HouseNumber.Parse(address.HouseNumber);
        var where = $"kod pocztowy {postalCode}" + (street.Length > 0 ? $", ul. {StreetName.WithoutPrefix(address.Street)} {address.HouseNumber.Trim()}".TrimEnd() : "");

        var ranges = await db.DistrictStreetRanges.AsNoTracking().Where(r => r.PostalCode == postalCode).ToListAsync(cancellationToken);
        var match = ranges
            .Select(r => (Range: r, Score: Score(r, street, number)))
            .Where(m => m.Score > 0)
            .OrderByDescending(m => m.Score)
            .FirstOrDefault();
        if (match.Range is null)
        {
            return (null, null, $"{where} → brak pasującego rejonu → kolejka kancelarii");
        }

        var district = await db.Districts.AsNoTracking().Include(d => d.SocialWorkers)
            .SingleAsync(d => d.Id == match.Range.DistrictId, cancellationToken);
        var available = district.SocialWorkers.Where(w => w.IsActive && !IsAbsent(w, today)).Select(w => w.Id).ToList();
        if (available.Count == 0)
        {
            return (district, null, $"{where} → rejon {district.Name} → brak dostępnego pracownika → kolejka kancelarii");
        }

        var openStatuses = Enum.GetValues<CaseStatus>().Where(s => s.IsOpen()).ToList();
        var loads = await db.Cases
            .Where(c => c.SocialWorkerId != null && available.Contains(c.SocialWorkerId.Value) && openStatuses.Contains(c.Status))
            .GroupBy(c => c.SocialWorkerId!.Value)
            .Select(g => new { WorkerId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.WorkerId, g => g.Count, cancellationToken);
        var chosen = district.SocialWorkers
            .Where(w => available.Contains(w.Id))
            .OrderBy(w => loads.GetValueOrDefault(w.Id))
            .ThenBy(w => w.LastName, StringComparer.Create(CultureInfo.GetCultureInfo("pl-PL"), false))
            .First();
        var open = loads.GetValueOrDefault(chosen.Id);
        return (district, chosen, $"{where} → rejon {district.Name} → {chosen.FirstName[..1]}. {chosen.LastName}, {OpenCases(open)}");
    }

    private static bool IsAbsent(StaffMember worker, DateOnly today) =>
        (worker.AbsentFrom is not null || worker.AbsentUntil is not null)
        && (worker.AbsentFrom is null || worker.AbsentFrom <= today)
        && (worker.AbsentUntil is null || today <= worker.AbsentUntil);

    /// <summary>0 when the rule does not apply; more specific rules (street, then house-number range) score higher.</summary>
    private static int Score(DistrictStreetRange range, string street, int? number)
    {
        if (range.Street is null)
        {
            return 1;
        }
        if (StreetName.Normalize(range.Street) != street)
        {
            return 0;
        }
        var bounded = range.FromNumber is not null || range.ToNumber is not null || range.Parity != HouseNumberParity.All;
        if (!bounded)
        {
            return 2;
        }
        if (number is not { } n
            || (range.FromNumber is { } from && n < from)
            || (range.ToNumber is { } to && n > to)
            || (range.Parity == HouseNumberParity.Odd && n % 2 == 0)
            || (range.Parity == HouseNumberParity.Even && n % 2 != 0))
        {
            return 0;
        }
        return 3;
    }

    /// <summary>Polish plural: 1 otwarta sprawa, 2-4 otwarte sprawy, 5+ (and 12-14) otwartych spraw.</summary>
    internal static string OpenCases(int n) =>
        n == 1 ? "1 otwarta sprawa"
        : n % 10 is >= 2 and <= 4 && n % 100 is not (>= 12 and <= 14) ? $"{n} otwarte sprawy"
        : $"{n} otwartych spraw";
}
