using System.Globalization;
using Parasol.Core.Cases;

namespace Parasol.Core.Seeding;

/// <summary>Thirty fictional families, each a case of the demo seed. Their PESEL numbers are valid but invented.</summary>
public static class DemoFamilies
{
    public sealed record Person(PersonRole Role, string FirstName, string LastName, string? Pesel, DateOnly? DateOfBirth, string? Relationship);

    public sealed record Family(
        CaseType Type, CaseSource Source, bool Urgent, bool BlueCard, string Language,
        string Street, string HouseNumber, string PostalCode, string? Email, string? Phone,
        ReferringInstitution? Institution, string Situation, IReadOnlyList<Person> People);

    public static readonly CaseStatus[] Statuses =
    [
        CaseStatus.Received, CaseStatus.Received, CaseStatus.WithSocialWorker, CaseStatus.InterviewPlanned,
        CaseStatus.Received, CaseStatus.InterviewDone, CaseStatus.ProposalToDirector, CaseStatus.AssistantAssigned,
        CaseStatus.WorkWithFamily, CaseStatus.CompletionRequested, CaseStatus.Monitoring, CaseStatus.Closed,
        CaseStatus.Refused, CaseStatus.WithSocialWorker, CaseStatus.Received,
    ];

    private static readonly string[] Surnames =
    [
        "Nowak", "Kowalczyk", "Wiśniewska", "Dąbrowski", "Lewandowska", "Wójcik", "Kamiński", "Zielińska", "Szymański", "Woźniak",
        "Kozłowska", "Jankowski", "Mazur", "Kwiatkowska", "Krawczyk", "Piotrowski", "Grabowska", "Pawłowski", "Michalska", "Król",
        "Wieczorek", "Jabłońska", "Wróbel", "Nowakowski", "Majewska", "Olszewski", "Stępień", "Malinowska", "Jaworski", "Łukasik",
    ];

    private static readonly string[] MothersNames =
    [
        "Anna", "Katarzyna", "Magdalena", "Joanna", "Agnieszka", "Monika", "Ewelina", "Żaneta", "Dorota", "Beata",
        "Olena", "Iwona", "Justyna", "Natalia", "Sylwia",
    ];

    private static readonly string[] ChildrenNames = ["Zofia", "Jakub", "Łucja", "Szymon", "Hanna", "Antoni", "Maja", "Filip", "Zuzanna", "Ignacy"];

    private static readonly string[] Streets = ["3 Maja", "Rynek", "Ogrodowa", "Polna", "Śląska", "Łąkowa"];

    private static readonly string[] Situations =
    [
        "Trudności wychowawcze z nastoletnim synem, konflikty w domu.",
        "Samotna matka trojga dzieci, problemy z organizacją dnia i budżetem domowym.",
        "Dziecko często nieobecne w szkole, rodzice nie odpowiadają na wezwania.",
        "Ciąża powikłana, rodzina potrzebuje wsparcia w załatwianiu spraw urzędowych.",
        "Rodzina po eksmisji, potrzebuje pomocy w znalezieniu mieszkania i pracy.",
        "Dziecko z niepełnosprawnością, rodzice potrzebują koordynacji wsparcia.",
    ];

    public static readonly IReadOnlyList<Family> All = Enumerable.Range(0, 30).Select(Create).ToList();

    private static Family Create(int i)
    {
        var surname = Surnames[i];
        var female = surname.EndsWith('a');
        var adultSurname = female ? surname : surname;
        var motherBorn = new DateOnly(1985 + (i % 12), 1 + (i % 12), 1 + (i % 27));
        var childBorn = new DateOnly(2012 + (i % 12), 1 + ((i * 5) % 12), 1 + ((i * 7) % 27));
        var (type, source) = (i % 6) switch
        {
            0 or 1 => (CaseType.AssistantRequest, CaseSource.Family),
            2 => (CaseType.Referral, CaseSource.School),
            3 => (CaseType.ZaZyciemSupport, CaseSource.Family),
            4 => (CaseType.Referral, i % 12 == 4 ? CaseSource.Court : CaseSource.HealthService),
            _ => (CaseType.OneTimeBenefit, CaseSource.Family),
        };
        var institution = source switch
        {
            CaseSource.School => new ReferringInstitution
            {
                Type = InstitutionType.School,
                Name = "Szkoła Podstawowa nr 2 w Lipowcu",
                ContactPerson = "Halina Sowa",
                ContactRole = "pedagog szkolny",
                Email = "pedagog@sp2.example",
                Phone = "+48 32 222 33 44",
            },
            CaseSource.Court => new ReferringInstitution
            {
                Type = InstitutionType.FamilyCourt,
                Name = "Sąd Rejonowy w Lipowcu, III Wydział Rodzinny i Nieletnich",
                ContactPerson = "Marek Lis",
                ContactRole = "kurator zawodowy",
                Email = "kuratorzy@sad.example",
                CourtCaseSignature = string.Create(CultureInfo.InvariantCulture, $"III Nsm {100 + i}/26"),
            },
            CaseSource.HealthService => new ReferringInstitution
            {
                Type = InstitutionType.HealthService,
                Name = "Przychodnia Rodzinna „Zdrowie”",
                ContactPerson = "Irena Bąk",
                ContactRole = "pielęgniarka środowiskowa",
                Phone = "+48 32 555 66 77",
            },
            _ => null,
        };
        List<Person> people =
        [
            new(PersonRole.Applicant, MothersNames[i % MothersNames.Length], adultSurname, PeselFor(motherBorn, i, female: true), motherBorn, null),
            new(PersonRole.Child, ChildrenNames[i % ChildrenNames.Length], adultSurname, PeselFor(childBorn, 100 + i, female: i % 2 == 0), childBorn, "Child"),
        ];
        if (i % 3 == 0)
        {
            var second = childBorn.AddYears(-3);
            people.Add(new(PersonRole.Child, ChildrenNames[(i + 3) % ChildrenNames.Length], adultSurname, PeselFor(second, 200 + i, female: i % 2 == 1), second, "Child"));
        }
        return new Family(
            type, source, Urgent: i % 7 == 4, BlueCard: i % 10 == 2, Language: i % 9 == 5 ? "uk" : "pl",
            Streets[i % Streets.Length], (1 + (i * 7 % 120)).ToString(CultureInfo.InvariantCulture), i % 3 == 0 ? "44-231" : i % 3 == 1 ? "44-230" : "44-232",
            Email: source == CaseSource.Family ? $"rodzina{i + 1}@example.com" : null, Phone: "+48 600 100 " + (100 + i).ToString(CultureInfo.InvariantCulture),
            institution, Situations[i % Situations.Length], people);
    }

    /// <summary>Builds a valid PESEL for a date of birth, a serial and a sex (even tenth digit for women).</summary>
    public static string PeselFor(DateOnly born, int serial, bool female)
    {
        var monthOffset = born.Year switch { < 1900 => 80, < 2000 => 0, < 2100 => 20, _ => 40 };
        var sexDigit = ((serial % 5) * 2) + (female ? 0 : 1);
        var digits = string.Create(CultureInfo.InvariantCulture,
            $"{born.Year % 100:00}{born.Month + monthOffset:00}{born.Day:00}{serial % 1000:000}{sexDigit}");
        int[] weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
        var sum = digits.Select((c, n) => (c - '0') * weights[n]).Sum();
        return digits + ((10 - (sum % 10)) % 10).ToString(CultureInfo.InvariantCulture);
    }
}
