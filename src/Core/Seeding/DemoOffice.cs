using Parasol.Core.Cases;
using Parasol.Core.Offices;

namespace Parasol.Core.Seeding;

/// <summary>A fictional office for demos and tests. Real offices set their own profile in the back office.</summary>
public static class DemoOffice
{
    public static OfficeProfile Create() => new()
    {
        Id = 1,
        Name = "Miejski Ośrodek Pomocy Społecznej w Lipowcu",
        ShortName = "MOPS Lipowiec",
        Address = new Address { Street = "ul. 3 Maja", HouseNumber = "12", PostalCode = "44-230", City = "Lipowiec" },
        Phones = ["+48 32 123 45 67", "+48 32 123 45 68"],
        Email = "sekretariat@ops.example",
        EpuapAddress = "/mopslipowiec/SkrytkaESP",
        WebsiteUrl = "http://127.0.0.1:5000",
        DataProtectionOfficerName = "Barbara Jankowska",
        DataProtectionOfficerEmail = "iod@ops.example",
        DataProtectionOfficerPhone = "+48 32 123 45 99",
        CaseNumberPrefix = "OPS",
        OpeningHours =
        [
            new() { DayOfWeek = DayOfWeek.Monday, Opens = new(7, 30), Closes = new(17, 0) },
            new() { DayOfWeek = DayOfWeek.Tuesday, Opens = new(7, 30), Closes = new(15, 30) },
            new() { DayOfWeek = DayOfWeek.Wednesday, Opens = new(7, 30), Closes = new(15, 30) },
            new() { DayOfWeek = DayOfWeek.Thursday, Opens = new(7, 30), Closes = new(15, 30) },
            new() { DayOfWeek = DayOfWeek.Friday, Opens = new(7, 30), Closes = new(14, 0) },
        ],
        FileClassifications = OfficeProfile.StandardFileClassifications(),
    };
}
