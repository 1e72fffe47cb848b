using Microsoft.EntityFrameworkCore;
using Parasol.Core.Attachments;
using Parasol.Core.Cases;
using Parasol.Testing;

namespace Parasol.Portal.Tests.Pages.Apply.ZaZyciemSupport;

public sealed class SupportJourneyTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n"u8, .. new byte[1500], .. "\n%%EOF\n"u8];

    private static Dictionary<string, string> AboutYou(string role)
    {
        var answers = FamilyAssistantAnswers.AboutYou();
        answers["Answers.Role"] = role;
        return answers;
    }

    [Fact]
    public async Task A_pregnant_woman_needs_a_document_confirming_the_pregnancy_and_her_request_becomes_a_za_zyciem_support_case()
    {
        var form = await StartAsync("Pregnant");
        Assert.Null(form.Page.QuerySelector("#Answers-ChildFirstName"));
        await form.PostAsync([new("Answers.DueDate.Day", ""), new("Answers.DueDate.Month", ""), new("Answers.DueDate.Year", ""),
            new("Answers.Needs", "Potrzebuję pomocy w załatwieniu opieki hospicyjnej.")]);
        Assert.EndsWith("/documents", form.Location!.AbsolutePath, StringComparison.Ordinal);

        await form.PostAsync([], "?handler=Continue");
        Assert.Contains(("#file", "Zanim przejdziesz dalej, dodaj ten dokument: Dokument potwierdzający ciążę"), form.Errors());

        await form.UploadAsync("karta-ciazy.pdf", Pdf, "?handler=Upload");
        await form.PostAsync([], "?handler=Continue");
        Assert.Contains("Potrzebuję pomocy w załatwieniu opieki hospicyjnej.", form.Page.Text("main"), StringComparison.Ordinal);
        await form.PostAsync([new("Consent", "true")]);

        Assert.Equal("„Za życiem”: wsparcie asystenta rodziny", form.Page.QuerySelectorAll(".receipt-facts .summary-value")[1].TextContent.Trim());
        Assert.Null(form.Page.QuerySelector(".notice-title")); // not a KPA application: no signature needed
        await using var db = portal.App.Database.CreateDbContext();
        var stored = await db.Cases.Include(c => c.Attachments).Include(c => c.People).SingleAsync(c => c.Number == form.Page.Text(".case-number"));
        Assert.Equal(CaseType.ZaZyciemSupport, stored.Type);
        Assert.StartsWith("OPS.4011.", stored.Number, StringComparison.Ordinal);
        Assert.Equal(AttachmentKind.PregnancyConfirmation, Assert.Single(stored.Attachments).Kind);
        Assert.Equal([PersonRole.Applicant], stored.People.Select(p => p.Role));
        Assert.Equal("44-230", stored.FamilyAddress!.PostalCode);
    }

    [Fact]
    public async Task A_parent_tells_us_about_the_child_and_needs_the_diagnosis_certificate()
    {
        var form = await StartAsync("Parent");

        await form.PostAsync([new("Answers.ChildFirstName", ""), new("Answers.ChildDateOfBirth.Day", ""), new("Answers.ChildDateOfBirth.Month", ""),
            new("Answers.ChildDateOfBirth.Year", ""), new("Answers.Needs", "")]);
        Assert.Equal(["#Answers-ChildDateOfBirth", "#Answers-ChildFirstName", "#Answers-Needs"], form.Errors().Select(e => e.Target).Order());

        await form.PostAsync([new("Answers.ChildFirstName", "Staś"), new("Answers.ChildDateOfBirth.Day", "3"), new("Answers.ChildDateOfBirth.Month", "2"),
            new("Answers.ChildDateOfBirth.Year", "2025"), new("Answers.Needs", "Rehabilitacja i sprzęt.")]);
        Assert.Null(form.Page.QuerySelector("input[value=PregnancyConfirmation]"));
        await form.PostAsync([], "?handler=Continue");
        Assert.Contains(("#file", "Zanim przejdziesz dalej, dodaj ten dokument: Zaświadczenie lekarskie o diagnozie"), form.Errors());

        await form.UploadAsync("diagnoza.pdf", Pdf, "?handler=Upload");
        await form.PostAsync([], "?handler=Continue");
        await form.PostAsync([new("Consent", "true")]);

        await using var db = portal.App.Database.CreateDbContext();
        var stored = await db.Cases.Include(c => c.People).SingleAsync(c => c.Number == form.Page.Text(".case-number"));
        var child = Assert.Single(stored.People, p => p.Role == PersonRole.Child);
        Assert.Equal(("Staś", new DateOnly(2025, 2, 3)), (child.FirstName, child.DateOfBirth!.Value));
    }

    [Fact]
    public async Task A_woman_after_a_loss_is_not_asked_for_a_child_and_her_request_holds_only_her_and_the_document_confirming_the_pregnancy()
    {
        var form = await StartAsync("AfterLoss");
        Assert.Null(form.Page.QuerySelector("#Answers-ChildFirstName"));
        Assert.Null(form.Page.QuerySelector("#Answers-ChildDateOfBirth"));
        Assert.Null(form.Page.QuerySelector("#Answers-DueDate"));
        Assert.Contains("wsparcie psychologiczne", form.Page.Text("#Answers-Needs-hint"), StringComparison.Ordinal);

        await form.PostAsync([new("Answers.Needs", "")]);
        Assert.Equal(["#Answers-Needs"], form.Errors().Select(e => e.Target));

        await form.PostAsync([new("Answers.Needs", "Wsparcie psychologa po stracie dziecka.")]);
        Assert.EndsWith("/documents", form.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal("PregnancyConfirmation", form.Page.QuerySelector("input[name=kind][checked]")!.GetAttribute("value"));
        Assert.Contains("kartę informacyjną ze szpitala", form.Page.Text("main"), StringComparison.Ordinal);
        await form.PostAsync([], "?handler=Continue");
        Assert.Contains(("#file", "Zanim przejdziesz dalej, dodaj ten dokument: Dokument potwierdzający ciążę"), form.Errors());

        await form.UploadAsync("karta-informacyjna.pdf", Pdf, "?handler=Upload");
        await form.PostAsync([], "?handler=Continue");
        Assert.EndsWith("/check", form.Location!.AbsolutePath, StringComparison.Ordinal);
        var rows = form.Page.QuerySelectorAll(".summary-row").ToDictionary(r => r.QuerySelector(".summary-key")!.TextContent.Trim(), r => r.QuerySelector(".summary-value")!.TextContent.Trim());
        Assert.Equal("Kobieta po poronieniu, martwym urodzeniu lub śmierci dziecka tuż po porodzie", rows["Kto prosi"]);
        Assert.Equal("Wsparcie psychologa po stracie dziecka.", rows["Jakie wsparcie pomogłoby Tobie i Twojej rodzinie?"]);
        Assert.DoesNotContain("Imię dziecka", rows.Keys);
        Assert.DoesNotContain("Data urodzenia dziecka", rows.Keys);
        Assert.DoesNotContain("Przewidywana data porodu", rows.Keys);
        await form.PostAsync([new("Consent", "true")]);

        await using var db = portal.App.Database.CreateDbContext();
        var stored = await db.Cases.Include(c => c.Attachments).Include(c => c.People).SingleAsync(c => c.Number == form.Page.Text(".case-number"));
        Assert.Equal(CaseType.ZaZyciemSupport, stored.Type);
        var applicant = Assert.Single(stored.People);
        Assert.Equal((PersonRole.Applicant, "AfterLoss"), (applicant.Role, applicant.Relationship));
        Assert.Equal(AttachmentKind.PregnancyConfirmation, Assert.Single(stored.Attachments).Kind);
    }

    [Fact]
    public async Task The_kind_of_document_chosen_before_the_file_is_kept_with_it()
    {
        var form = await StartAsync("Parent");
        await form.PostAsync([new("Answers.ChildFirstName", "Staś"), new("Answers.ChildDateOfBirth.Day", "3"), new("Answers.ChildDateOfBirth.Month", "2"),
            new("Answers.ChildDateOfBirth.Year", "2025"), new("Answers.Needs", "Rehabilitacja i sprzęt.")]);
        var journeyId = Guid.Parse(form.Location!.AbsolutePath.Split('/')[3]);

        await form.UploadAsync("opinia.pdf", Pdf, "?handler=Upload", [new("kind", nameof(AttachmentKind.Other))]);

        await using var db = portal.App.Database.CreateDbContext();
        Assert.Equal(AttachmentKind.Other, (await db.Attachments.SingleAsync(a => a.JourneyId == journeyId)).Kind);
        await form.PostAsync([], "?handler=Continue");
        Assert.Contains(("#file", "Zanim przejdziesz dalej, dodaj ten dokument: Zaświadczenie lekarskie o diagnozie"), form.Errors());
    }

    [Fact]
    public async Task A_certificate_chosen_and_continued_with_is_uploaded_as_the_kind_chosen_instead_of_being_asked_for_again()
    {
        var form = await StartAsync("Parent");
        await form.PostAsync([new("Answers.ChildFirstName", "Staś"), new("Answers.ChildDateOfBirth.Day", "3"), new("Answers.ChildDateOfBirth.Month", "2"),
            new("Answers.ChildDateOfBirth.Year", "2025"), new("Answers.Needs", "Rehabilitacja i sprzęt.")]);

        await form.UploadAsync("diagnoza.pdf", Pdf, form.ActionOf("Dalej"), [new("kind", nameof(AttachmentKind.DiagnosisCertificate))]);

        Assert.Empty(form.Errors());
        Assert.EndsWith("/check", form.Location!.AbsolutePath, StringComparison.Ordinal);
        var row = form.Page.QuerySelectorAll(".summary-row").Single(r => r.QuerySelector(".summary-value")!.TextContent.Trim() == "diagnoza.pdf");
        Assert.Equal("Zaświadczenie lekarskie o diagnozie", row.QuerySelector(".summary-key")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_refused_file_keeps_the_kind_of_document_the_family_chose()
    {
        var form = await StartAsync("Pregnant");
        await form.PostAsync([new("Answers.DueDate.Day", ""), new("Answers.DueDate.Month", ""), new("Answers.DueDate.Year", ""),
            new("Answers.Needs", "Wsparcie psychologa.")]);
        Assert.Equal("PregnancyConfirmation", form.Page.QuerySelector("input[name=kind][checked]")!.GetAttribute("value"));

        await form.UploadAsync("pusty.pdf", [], "?handler=Upload", [new("kind", nameof(AttachmentKind.DiagnosisCertificate))]);

        Assert.Contains(("#file", "Wybrany plik jest pusty"), form.Errors());
        Assert.Equal(["DiagnosisCertificate"], form.Page.QuerySelectorAll("input[name=kind][checked]").Select(i => i.GetAttribute("value")));
    }

    [Fact]
    public async Task The_expected_date_of_birth_in_the_hint_is_one_the_step_accepts()
    {
        var form = await StartAsync("Pregnant");
        var (day, month, year) = HintExample(form, "Answers-DueDate");

        await form.PostAsync([new("Answers.DueDate.Day", day), new("Answers.DueDate.Month", month), new("Answers.DueDate.Year", year), new("Answers.Needs", "Wsparcie.")]);

        Assert.Empty(form.Errors());
        Assert.EndsWith("/documents", form.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    /// <summary>The date a hint like "Na przykład 7 4 2027" gives, as the three boxes take it.</summary>
    internal static (string Day, string Month, string Year) HintExample(FormClient form, string id)
    {
        var parts = form.Page.GetElementById($"{id}-hint")!.TextContent.Trim().Split(' ')[^3..];
        return (parts[0], parts[1], parts[2]);
    }

    [Fact]
    public async Task Skipping_the_documents_step_by_editing_the_address_does_not_send_the_request()
    {
        var form = await StartAsync("Parent");
        await form.PostAsync([new("Answers.ChildFirstName", "Staś"), new("Answers.ChildDateOfBirth.Day", "3"), new("Answers.ChildDateOfBirth.Month", "2"),
            new("Answers.ChildDateOfBirth.Year", "2025"), new("Answers.Needs", "Rehabilitacja.")]);

        await form.GetAsync(form.Location!.AbsolutePath.Replace("/documents", "/check", StringComparison.Ordinal));
        await form.PostAsync([new("Consent", "true")]);

        Assert.Contains(("#Consent", "Zanim wyślesz wniosek, dodaj zaświadczenie w kroku z dokumentami"), form.Errors());
        Assert.EndsWith("/check", form.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    private async Task<FormClient> StartAsync(string role)
    {
        var form = new FormClient(portal.App.CreateClient());
        await form.GetAsync("/apply/za-zyciem-support");
        await form.PostAsync([]);
        await form.PostAsync(AboutYou(role));
        await form.PostAsync(FamilyAssistantAnswers.Contact());
        Assert.EndsWith("/support", form.Location!.AbsolutePath, StringComparison.Ordinal);
        return form;
    }
}
