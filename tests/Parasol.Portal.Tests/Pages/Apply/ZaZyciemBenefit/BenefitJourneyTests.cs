using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Parasol.Core.Cases;
using Parasol.Core.Time;
using Parasol.Testing;

namespace Parasol.Portal.Tests.Pages.Apply.ZaZyciemBenefit;

public sealed class BenefitJourneyTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n"u8, .. new byte[1500], .. "\n%%EOF\n"u8];

    private static Dictionary<string, string> Applicant(string role) => new()
    {
        ["Answers.Role"] = role,
        ["Answers.FirstName"] = "Maria",
        ["Answers.LastName"] = "Kowal",
        ["Answers.Pesel"] = "90032712341",
        ["Answers.Email"] = "maria@example.com",
    };

    private static Dictionary<string, string> Child(DateOnly born) => new()
    {
        ["Answers.FirstName"] = "Staś",
        ["Answers.LastName"] = "Kowal",
        ["Answers.DateOfBirth.Day"] = born.Day.ToString(CultureInfo.InvariantCulture),
        ["Answers.DateOfBirth.Month"] = born.Month.ToString(CultureInfo.InvariantCulture),
        ["Answers.DateOfBirth.Year"] = born.Year.ToString(CultureInfo.InvariantCulture),
        ["Answers.Specialty"] = "Neonatology",
    };

    private static Dictionary<string, string> Payment(string method = "Bank", string iban = "61 1090 1014 0000 0712 1981 2874") => new()
    {
        ["Answers.Method"] = method,
        ["Answers.Iban"] = iban,
        ["Answers.Street"] = "Lipowa",
        ["Answers.HouseNumber"] = "5",
        ["Answers.PostalCode"] = "44-230",
        ["Answers.City"] = "Lipowiec",
    };

    private static DateOnly Today => WarsawTime.Today(TimeProvider.System);

    [Fact]
    public async Task On_the_last_day_twelve_months_after_the_birth_the_application_goes_on()
    {
        var form = await StartAsync("Father");

        await form.PostAsync(Child(Today.AddMonths(-12)));

        Assert.Empty(form.Errors());
        Assert.EndsWith("/payment", form.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_day_later_the_application_is_stopped_with_the_reason_and_the_last_day()
    {
        var form = await StartAsync("Father");
        var born = Today.AddMonths(-12).AddDays(-1);

        await form.PostAsync(Child(born));

        var (target, message) = Assert.Single(form.Errors());
        Assert.Equal("#Answers-DateOfBirth", target);
        Assert.Contains("ponad 12 miesięcy", message, StringComparison.Ordinal);
        Assert.Contains(born.AddMonths(12).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("pl")), message, StringComparison.Ordinal);
        Assert.EndsWith("/child", form.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("61 1090 1014 0000 0712 1981 2875", "Wpisz polski numer konta (26 cyfr) i sprawdź, czy nie ma w nim literówki")]
    [InlineData("", "Wpisz numer konta bankowego")]
    public async Task A_transfer_needs_a_valid_polish_account(string iban, string message)
    {
        var form = await StartAsync("Father");
        await form.PostAsync(Child(Today.AddMonths(-2)));

        await form.PostAsync(Payment("Bank", iban));

        Assert.Contains(("#Answers-Iban", message), form.Errors());
    }

    [Fact]
    public async Task A_postal_payment_needs_no_account()
    {
        var form = await StartAsync("Father");
        await form.PostAsync(Child(Today.AddMonths(-2)));

        await form.PostAsync(Payment("Post", ""));

        Assert.Empty(form.Errors());
    }

    [Fact]
    public async Task The_date_of_birth_in_the_hint_is_one_the_step_accepts()
    {
        var form = await StartAsync("Father");
        var (day, month, year) = ZaZyciemSupport.SupportJourneyTests.HintExample(form, "Answers-DateOfBirth");
        var child = Child(Today);
        (child["Answers.DateOfBirth.Day"], child["Answers.DateOfBirth.Month"], child["Answers.DateOfBirth.Year"]) = (day, month, year);

        await form.PostAsync(child);

        Assert.Empty(form.Errors());
        Assert.EndsWith("/payment", form.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_missing_certificate_is_reported_at_once_in_the_summary_and_next_to_the_file_field()
    {
        var form = await AtDocumentsAsync("Mother");

        await form.PostAsync([], "?handler=Continue");

        string[] messages =
        [
            "Zanim przejdziesz dalej, dodaj ten dokument: Zaświadczenie lekarskie o diagnozie",
            "Zanim przejdziesz dalej, dodaj ten dokument: Zaświadczenie o opiece medycznej w ciąży",
        ];
        Assert.Equal(messages.Select(m => ("#file", m)), form.Errors());
        var next = form.Page.GetElementById("file-error")!.TextContent;
        Assert.All(messages, m => Assert.Contains(m, next, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_mother_needs_the_certificate_of_care_from_the_tenth_week_and_the_receipt_asks_for_a_signature()
    {
        var form = await AtDocumentsAsync("Mother");
        await form.UploadAsync("diagnoza.pdf", Pdf, "?handler=Upload");

        await form.PostAsync([], "?handler=Continue");

        Assert.Contains(("#file", "Zanim przejdziesz dalej, dodaj ten dokument: Zaświadczenie o opiece medycznej w ciąży"), form.Errors());

        await UploadAsAsync(form, "opieka.pdf", "MedicalCareCertificate");
        await form.PostAsync([], "?handler=Continue");
        await form.PostAsync([new("Consent", "true")]);

        Assert.Equal("Ten wniosek wymaga jeszcze Twojego podpisu", form.Page.Text(".notice-title"));
        await using var db = portal.App.Database.CreateDbContext();
        var stored = await db.Cases.Include(c => c.Attachments).SingleAsync(c => c.Number == form.Page.Text(".case-number"));
        Assert.Equal(CaseType.OneTimeBenefit, stored.Type);
        Assert.True(stored.NeedsSignature);
        Assert.Equal(2, stored.Attachments.Count);
    }

    [Fact]
    public async Task The_same_certificate_twice_is_refused_but_one_scan_may_be_given_as_each_certificate_it_holds()
    {
        var form = await AtDocumentsAsync("Mother");
        await form.UploadAsync("zaswiadczenia.pdf", Pdf, "?handler=Upload", [new("kind", "DiagnosisCertificate")]);

        await form.UploadAsync("zaswiadczenia.pdf", Pdf, "?handler=Upload", [new("kind", "DiagnosisCertificate")]);

        Assert.Equal([("#file", "Wybrany plik jest już dodany jako „zaswiadczenia.pdf”: wybierz inny plik")], form.Errors());
        Assert.Equal("DiagnosisCertificate", form.Page.QuerySelector("input[name=kind]:checked")!.GetAttribute("value"));
        Assert.Single(form.Page.QuerySelectorAll(".file-name"));

        await form.UploadAsync("zaswiadczenia.pdf", Pdf, "?handler=Upload", [new("kind", "MedicalCareCertificate")]);
        Assert.Empty(form.Errors());
        await form.PostAsync([], "?handler=Continue");
        Assert.EndsWith("/check", form.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_too_large_to_read_keeps_the_kind_of_document_the_family_chose()
    {
        var form = await AtDocumentsAsync("Mother");

        await form.UploadAsync("opieka.pdf", [.. "%PDF-1.4\n"u8, .. new byte[11 * 1024 * 1024]], "?handler=Upload", [new("kind", "MedicalCareCertificate")]);

        Assert.Equal([("#file", "Wybrany plik musi mieć mniej niż 10 MB")], form.Errors());
        Assert.Equal("MedicalCareCertificate", form.Page.QuerySelector("input[name=kind]:checked")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("Father")]
    [InlineData("LegalGuardian")]
    [InlineData("AdoptingCarer")]
    public async Task Others_need_only_the_diagnosis_certificate(string role)
    {
        var form = await AtDocumentsAsync(role);
        Assert.Null(form.Page.QuerySelector("input[value=MedicalCareCertificate]"));

        await form.PostAsync([], "?handler=Continue");
        Assert.Contains(("#file", "Zanim przejdziesz dalej, dodaj ten dokument: Zaświadczenie lekarskie o diagnozie"), form.Errors());

        await form.UploadAsync("diagnoza.pdf", Pdf, "?handler=Upload");
        await form.PostAsync([], "?handler=Continue");

        Assert.EndsWith("/check", form.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_applicant_without_a_pesel_gives_a_date_of_birth_which_is_read_back_and_stored()
    {
        var form = new FormClient(portal.App.CreateClient());
        await form.GetAsync("/apply/za-zyciem-benefit");
        await form.PostAsync([]);
        Assert.Contains("Jeśli nie masz numeru PESEL", form.Page.Text("#Answers-Pesel-hint"), StringComparison.Ordinal);
        Assert.NotNull(form.Page.GetElementById("Answers-DateOfBirth"));
        var answers = Applicant("Father");
        answers["Answers.Pesel"] = "";

        await form.PostAsync(answers);
        Assert.Equal([("#Answers-Pesel", "Wpisz numer PESEL albo, jeśli go nie masz, datę urodzenia")], form.Errors());
        Assert.Equal("Maria", form.Value("Answers-FirstName"));

        answers["Answers.DateOfBirth.Day"] = "27";
        answers["Answers.DateOfBirth.Month"] = "3";
        answers["Answers.DateOfBirth.Year"] = "1990";
        await form.PostAsync(answers);
        Assert.EndsWith("/child", form.Location!.AbsolutePath, StringComparison.Ordinal);
        await form.PostAsync(Child(Today.AddMonths(-3)));
        await form.PostAsync(Payment());
        await form.UploadAsync("diagnoza.pdf", Pdf, "?handler=Upload");
        await form.PostAsync([], "?handler=Continue");

        var aboutYou = form.Page.QuerySelectorAll(".summary-list")[0].QuerySelectorAll(".summary-row")
            .ToDictionary(r => r.QuerySelector(".summary-key")!.TextContent.Trim(), r => r.QuerySelector(".summary-value")!.TextContent.Trim());
        Assert.Equal("27.03.1990", aboutYou["Data urodzenia"]);
        await form.PostAsync([new("Consent", "true")]);

        await using var db = portal.App.Database.CreateDbContext();
        var stored = await db.Cases.Include(c => c.People).SingleAsync(c => c.Number == form.Page.Text(".case-number"));
        var applicant = Assert.Single(stored.People, p => p.Role == PersonRole.Applicant);
        Assert.Equal((null, new DateOnly(1990, 3, 27)), (applicant.Pesel, applicant.DateOfBirth));
    }

    [Fact]
    public async Task An_invalid_pesel_is_still_refused()
    {
        var form = new FormClient(portal.App.CreateClient());
        await form.GetAsync("/apply/za-zyciem-benefit");
        await form.PostAsync([]);
        var answers = Applicant("Mother");
        answers["Answers.Pesel"] = "90032712342";

        await form.PostAsync(answers);

        Assert.Equal([("#Answers-Pesel", "Wpisz poprawny numer PESEL: 11 cyfr, tak jak w dowodzie osobistym")], form.Errors());
    }

    [Fact]
    public async Task The_flat_number_is_optional_and_is_read_back_and_stored_with_the_address()
    {
        var form = await StartAsync("Father");
        await form.PostAsync(Child(Today.AddMonths(-3)));
        Assert.Equal("Numer mieszkania (nieobowiązkowo)", form.Page.QuerySelector("label[for=Answers-FlatNumber]")!.TextContent.Trim());
        var payment = Payment();
        payment["Answers.FlatNumber"] = new string('7', 21);

        await form.PostAsync(payment);
        Assert.Equal([("#Answers-FlatNumber", "Użyj najwyżej 20 znaków")], form.Errors());
        Assert.Equal(new string('7', 21), form.Value("Answers-FlatNumber"));
        Assert.Equal("Lipowa", form.Value("Answers-Street"));

        payment["Answers.FlatNumber"] = " 12a ";
        await form.PostAsync(payment);
        await form.UploadAsync("diagnoza.pdf", Pdf, "?handler=Upload");
        await form.PostAsync([], "?handler=Continue");
        var address = form.Page.QuerySelectorAll(".summary-row").Single(r => r.QuerySelector(".summary-key")!.TextContent.Trim() == "Adres");
        Assert.Equal("Lipowa 5/12a, 44-230 Lipowiec", address.QuerySelector(".summary-value")!.TextContent.Trim());
        await form.PostAsync([new("Consent", "true")]);

        await using var db = portal.App.Database.CreateDbContext();
        var stored = await db.Cases.SingleAsync(c => c.Number == form.Page.Text(".case-number"));
        Assert.Equal(("Lipowa", "5", "12a"), (stored.FamilyAddress!.Street, stored.FamilyAddress.HouseNumber, stored.FamilyAddress.FlatNumber));
    }

    [Fact]
    public async Task Without_a_flat_number_none_is_stored()
    {
        var form = await AtDocumentsAsync("Father");
        await form.UploadAsync("diagnoza.pdf", Pdf, "?handler=Upload");
        await form.PostAsync([], "?handler=Continue");
        await form.PostAsync([new("Consent", "true")]);

        await using var db = portal.App.Database.CreateDbContext();
        var stored = await db.Cases.SingleAsync(c => c.Number == form.Page.Text(".case-number"));
        Assert.Null(stored.FamilyAddress!.FlatNumber);
    }

    private static async Task UploadAsAsync(FormClient form, string name, string kind)
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent(Html.AntiforgeryToken(form.Page)), "__RequestVerificationToken" },
            { new StringContent(kind), "kind" },
            { new ByteArrayContent(Pdf), "file", name },
        };
        await form.Http.PostAsync(new Uri(form.Location!, "?handler=Upload"), content);
        await form.GetAsync(form.Location!.AbsolutePath);
    }

    private async Task<FormClient> AtDocumentsAsync(string role)
    {
        var form = await StartAsync(role);
        await form.PostAsync(Child(Today.AddMonths(-3)));
        await form.PostAsync(Payment());
        return form;
    }

    private async Task<FormClient> StartAsync(string role)
    {
        var form = new FormClient(portal.App.CreateClient());
        await form.GetAsync("/apply/za-zyciem-benefit");
        await form.PostAsync([]);
        await form.PostAsync(Applicant(role));
        return form;
    }
}
