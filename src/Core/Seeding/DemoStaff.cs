using Parasol.Core.Staff;

namespace Parasol.Core.Seeding;

/// <summary>The demo staff accounts run.sh prints. Development only: production accounts are made by an administrator.</summary>
public static class DemoStaff
{
    public const string Password = "Parasol-demo-2026";

    public static readonly IReadOnlyList<(string Email, string FirstName, string LastName, string[] Roles)> Accounts =
    [
        ("kancelaria@ops.example", "Anna", "Nowak", [StaffRole.RegistryClerk]),
        ("a.kowalska@ops.example", "Agnieszka", "Kowalska", [StaffRole.SocialWorker]),
        ("j.wisniewski@ops.example", "Jan", "Wiśniewski", [StaffRole.SocialWorker]),
        ("m.zielinska@ops.example", "Małgorzata", "Zielińska", [StaffRole.SocialWorker]),
        ("k.lewandowska@ops.example", "Katarzyna", "Lewandowska", [StaffRole.FamilyAssistant]),
        ("p.wojcik@ops.example", "Piotr", "Wójcik", [StaffRole.FamilyAssistant]),
        ("dyrektor@ops.example", "Ewa", "Kamińska", [StaffRole.Director]),
        ("admin@ops.example", "Tomasz", "Szymański", [StaffRole.Administrator]),
    ];
}
