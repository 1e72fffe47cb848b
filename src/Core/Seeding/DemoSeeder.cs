using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Parasol.Core.Cases;
using Parasol.Core.Data;
using Parasol.Core.Districts;
using Parasol.Core.Offices;
using Parasol.Core.Staff;
using Parasol.Core.Time;

namespace Parasol.Core.Seeding;

/// <summary>
/// Fills an empty database with a demo office: its profile, three districts, a user for every role and about thirty
/// cases in varied states. Does nothing when an office profile exists, so run.sh can call it on every start.
/// </summary>
public sealed class DemoSeeder(ParasolDbContext db, TimeProvider time)
{
    public async Task<bool> SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.OfficeProfiles.AnyAsync(cancellationToken))
        {
            return false;
        }

        db.OfficeProfiles.Add(DemoOffice.Create());
        var staff = CreateStaff();
        var districts = CreateDistricts(staff);
        await db.SaveChangesAsync(cancellationToken);

        await SeedCasesAsync(staff, districts, cancellationToken);
        return true;
    }

    private List<StaffMember> CreateStaff()
    {
        var roles = StaffRole.All.ToDictionary(r => r, r => new IdentityRole<Guid>(r) { Id = Guid.CreateVersion7(), NormalizedName = r.ToUpperInvariant() });
        db.Roles.AddRange(roles.Values);
        var hasher = new PasswordHasher<StaffMember>();
        var members = new List<StaffMember>();
        foreach (var (email, first, last, memberRoles) in DemoStaff.Accounts)
        {
            var member = new StaffMember
            {
                Id = Guid.CreateVersion7(),
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                FirstName = first,
                LastName = last,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                LockoutEnabled = true,
            };
            member.PasswordHash = hasher.HashPassword(member, DemoStaff.Password);
            db.Users.Add(member);
            foreach (var role in memberRoles)
            {
                db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = member.Id, RoleId = roles[role].Id });
            }
            members.Add(member);
        }
        return members;
    }

    private List<District> CreateDistricts(List<StaffMember> staff)
    {
        StaffMember Worker(string email) => staff.Single(s => s.Email == email);
        var centrum = new District
        {
            Id = Guid.CreateVersion7(),
            Name = "Centrum",
            StreetRanges =
            [
                new() { Id = Guid.CreateVersion7(), PostalCode = "44-230", Street = "3 Maja", FromNumber = 1, ToNumber = 80 },
                new() { Id = Guid.CreateVersion7(), PostalCode = "44-230", Street = "Rynek" },
                new() { Id = Guid.CreateVersion7(), PostalCode = "44-230", Street = "Ogrodowa" },
            ],
            SocialWorkers = [Worker("a.kowalska@ops.example"), Worker("m.zielinska@ops.example")],
        };
        var polnoc = new District
        {
            Id = Guid.CreateVersion7(),
            Name = "Północ",
            StreetRanges =
            [
                new() { Id = Guid.CreateVersion7(), PostalCode = "44-230", Street = "3 Maja", FromNumber = 81 },
                new() { Id = Guid.CreateVersion7(), PostalCode = "44-231" },
            ],
            SocialWorkers = [Worker("j.wisniewski@ops.example")],
        };
        var poludnie = new District
        {
            Id = Guid.CreateVersion7(),
            Name = "Południe",
            StreetRanges = [new() { Id = Guid.CreateVersion7(), PostalCode = "44-232" }],
            SocialWorkers = [Worker("m.zielinska@ops.example")],
        };
        List<District> districts = [centrum, polnoc, poludnie];
        db.Districts.AddRange(districts);
        return districts;
    }

    private async Task SeedCasesAsync(List<StaffMember> staff, List<District> districts, CancellationToken cancellationToken)
    {
        var random = new Random(2026);
        var workers = staff.Where(s => DemoStaff.Accounts.Single(a => a.Email == s.Email).Roles.Contains(StaffRole.SocialWorker)).ToList();
        var assistants = staff.Where(s => DemoStaff.Accounts.Single(a => a.Email == s.Email).Roles.Contains(StaffRole.FamilyAssistant)).ToList();
        var now = time.GetUtcNow();
        // Numbers are handed out in order of receipt, as the registry would have done.
        var receivedTimes = DemoFamilies.All.Select(_ => now.AddDays(-random.Next(0, 60)).AddMinutes(-random.Next(0, 600))).Order().ToList();

        for (var i = 0; i < DemoFamilies.All.Count; i++)
        {
            var family = DemoFamilies.All[i];
            var status = DemoFamilies.Statuses[i % DemoFamilies.Statuses.Length];
            var receivedAt = receivedTimes[i];
            var district = districts[i % districts.Count];

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var id = Guid.CreateVersion7();
            var c = new Case
            {
                Id = id,
                // Numbered as the transaction commits, one case after another in order of receipt.
                Number = CaseNumberAllocator.Placeholder(id),
                Type = family.Type,
                Source = family.Source,
                Status = status,
                IsUrgent = family.Urgent,
                ReceivedAt = receivedAt,
                Language = family.Language,
                FamilyAddress = new Address { Street = family.Street, HouseNumber = family.HouseNumber, PostalCode = family.PostalCode, City = "Lipowiec" },
                ContactEmail = family.Email,
                ContactPhone = family.Phone,
                ReferringInstitution = family.Institution,
                BlueCard = family.BlueCard,
                NeedsSignature = family.Type == CaseType.OneTimeBenefit,
                AnswersJson = JsonSerializer.Serialize(new { situation = family.Situation }),
                AnswerSummaryJson = SummaryOf(family.Situation),
                DistrictId = status == CaseStatus.Received ? null : district.Id,
                SocialWorkerId = status == CaseStatus.Received ? null : district.SocialWorkers[0].Id,
                FamilyAssistantId = status is CaseStatus.AssistantAssigned or CaseStatus.WorkWithFamily or CaseStatus.Monitoring
                    ? assistants[i % assistants.Count].Id
                    : null,
                DecisionDueOn = DateOnly.FromDateTime(WarsawTime.ToWarsaw(receivedAt).DateTime).AddMonths(1),
                InterviewDueOn = DateOnly.FromDateTime(WarsawTime.ToWarsaw(receivedAt).DateTime).AddDays(family.Urgent ? 2 : 14),
                People = family.People.Select((p, n) => new CasePerson
                {
                    Id = Guid.CreateVersion7(),
                    Role = p.Role,
                    FirstName = p.FirstName,
                    LastName = p.LastName,
                    Pesel = p.Pesel,
                    DateOfBirth = p.DateOfBirth,
                    Relationship = p.Relationship,
                    Position = n,
                }).ToList(),
                Events = [new CaseEvent { OccurredAt = receivedAt, Kind = CaseEventKind.Received, Text = "Wpłynęło przez portal.", IsInternal = false }],
            };
            if (c.SocialWorkerId is { } workerId)
            {
                var worker = workers.Single(w => w.Id == workerId);
                c.Events.Add(new CaseEvent
                {
                    OccurredAt = receivedAt.AddMinutes(1),
                    Kind = CaseEventKind.Routed,
                    Text = $"Kod pocztowy {family.PostalCode}, ulica {family.Street} {family.HouseNumber} → rejon {district.Name} → {worker.FirstName[0]}. {worker.LastName}",
                });
            }
            if (status != CaseStatus.Received)
            {
                c.Events.Add(new CaseEvent { OccurredAt = receivedAt.AddHours(2), Kind = CaseEventKind.StatusChanged, NewStatus = status });
            }
            db.Cases.Add(c);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>The demo's answers as staff read them: the family's own words only, in Polish (staff in other languages see that too).</summary>
    private static string SummaryOf(string situation) => new AnswerSummary(new Dictionary<string, IReadOnlyList<AnswerSummarySection>>
    {
        ["pl"] = [new("Sytuacja rodziny", [new("Opis sytuacji", [new(situation, Typed: true)])])],
    }).ToJson();
}
