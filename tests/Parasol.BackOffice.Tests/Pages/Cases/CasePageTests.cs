using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parasol.Core.Attachments;
using Parasol.Core.Audit;
using Parasol.Core.Cases;
using Parasol.Testing;

namespace Parasol.BackOffice.Tests.Pages.Cases;

public sealed class CasePageTests(BackOfficeFactory backOffice) : IClassFixture<BackOfficeFactory>
{
    [Fact]
    public async Task The_case_file_shows_the_people_the_answers_and_the_attachment_and_every_read_is_audited()
    {
        await using var db = backOffice.App.Database.CreateDbContext();
        var c = await db.Cases.Include(x => x.People).FirstAsync(x => x.Status == CaseStatus.WithSocialWorker);
        var key = Guid.NewGuid().ToString("N");
        await backOffice.App.Services.GetRequiredService<IAttachmentStore>().SaveAsync(key, new MemoryStream("%PDF-1.4 zaświadczenie"u8.ToArray()));
        var attachment = new Attachment { Id = Guid.CreateVersion7(), CaseId = c.Id, Kind = AttachmentKind.DiagnosisCertificate, FileName = "zaswiadczenie.pdf", ContentType = "application/pdf", SizeBytes = 24, Sha256 = new string('0', 64), StorageKey = key, UploadedAt = c.ReceivedAt };
        db.Attachments.Add(attachment);
        await db.SaveChangesAsync();
        using var client = await StaffSession.SignInAsync(backOffice.App, "kancelaria@ops.example");

        var page = await StaffSession.GetPageAsync(client, $"/cases/{c.Id}");
        var download = await client.GetAsync(new Uri($"/cases/{c.Id}/attachments/{attachment.Id}?download=true", UriKind.Relative));
        var view = await client.GetAsync(new Uri($"/cases/{c.Id}/attachments/{attachment.Id}", UriKind.Relative));

        Assert.Equal($"Sprawa {c.Number}", page.Text("h1"));
        var applicant = c.People.Single(p => p.Role == PersonRole.Applicant);
        Assert.Contains(page.QuerySelectorAll("section[aria-labelledby=people-heading] td"), td => td.TextContent == $"{applicant.FirstName} {applicant.LastName}");
        Assert.Equal("Opis sytuacji", page.Text(".answers dt"));
        Assert.Equal("Pobierz zaswiadczenie.pdf", page.QuerySelector($"a[href='/cases/{c.Id}/attachments/{attachment.Id}?download=true']")!.TextContent);
        Assert.Equal("%PDF-1.4 zaświadczenie", await download.Content.ReadAsStringAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("inline", view.Content.Headers.ContentDisposition!.DispositionType);
        var audited = await db.AuditEntries.Where(a => a.CaseId == c.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal([AuditAction.CaseViewed, AuditAction.AttachmentDownloaded, AuditAction.AttachmentViewed], audited);
    }

    [Fact]
    public async Task What_the_family_typed_is_isolated_so_a_direction_override_in_the_street_cannot_move_the_numbers()
    {
        const string street = "Ślusarska \u202Ekaj\u202C 😀";
        await using var db = backOffice.App.Database.CreateDbContext();
        // Not a case the other tests here read (they count its audit entries).
        var c = await db.Cases.Include(x => x.People).FirstAsync(x => x.Status != CaseStatus.WithSocialWorker && x.Status != CaseStatus.Received && x.FamilyAddress != null && x.People.Any(p => p.Role == PersonRole.Applicant));
        c.FamilyAddress = new Address { Street = street, HouseNumber = "36", FlatNumber = "4", PostalCode = "44-230", City = "Lipowiec" };
        await db.SaveChangesAsync();
        using var client = await StaffSession.SignInAsync(backOffice.App, "kancelaria@ops.example");

        var page = await StaffSession.GetPageAsync(client, $"/cases/{c.Id}");

        var address = page.QuerySelectorAll("dl.summary dt").Single(dt => dt.TextContent == "Adres").NextElementSibling!;
        Assert.Equal([street, "36", "4", "44-230", "Lipowiec"], address.QuerySelectorAll("bdi").Select(b => b.TextContent));
        Assert.Equal($"{street} 36/4, 44-230 Lipowiec", address.TextContent.Trim());
        var applicant = c.People.First(p => p.Role == PersonRole.Applicant);
        Assert.Contains(page.QuerySelectorAll("section[aria-labelledby=people-heading] td"),
            td => td.QuerySelectorAll("bdi").Select(b => b.TextContent).SequenceEqual([applicant.FirstName, applicant.LastName]));
    }

    [Fact]
    public async Task Each_attachment_says_what_document_it_is_how_big_and_whether_it_came_with_the_case_or_in_answer_to_the_request()
    {
        var received = new DateTimeOffset(2026, 3, 2, 9, 15, 0, TimeSpan.Zero);
        var completed = new DateTimeOffset(2026, 3, 10, 13, 40, 0, TimeSpan.Zero);
        Attachment File(AttachmentKind kind, string name, long size, DateTimeOffset uploaded) => new()
        {
            Id = Guid.CreateVersion7(),
            Kind = kind,
            FileName = name,
            ContentType = "application/pdf",
            SizeBytes = size,
            Sha256 = new string('0', 64),
            StorageKey = Guid.NewGuid().ToString("N"),
            UploadedAt = uploaded,
        };
        var c = await TestCases.SubmitAsync(backOffice.App.Services, c =>
        {
            c.Type = CaseType.OneTimeBenefit;
            c.ReceivedAt = received;
            c.Attachments =
            [
                File(AttachmentKind.DiagnosisCertificate, "diagnoza.pdf", 2_500_000, received.AddMinutes(-20)),
                File(AttachmentKind.MedicalCareCertificate, "opieka.pdf", 1000, received.AddMinutes(-10)),
                File(AttachmentKind.CompletionDocument, "brakujace.pdf", 30_000, completed.AddMinutes(-5)),
            ];
            c.Events.Add(new CaseEvent { OccurredAt = completed, Kind = CaseEventKind.CompletionReceived, Text = "brakujace.pdf", IsInternal = false });
        });
        using var client = await StaffSession.SignInAsync(backOffice.App, "kancelaria@ops.example");

        var polish = await StaffSession.GetPageAsync(client, $"/cases/{c.Id}");
        var english = await StaffSession.GetPageAsync(client, $"/cases/{c.Id}?culture=en");

        static List<List<string>> Rows(AngleSharp.Html.Dom.IHtmlDocument page) =>
            [.. page.QuerySelectorAll("section[aria-labelledby=attachments-heading] tbody tr")
                .Select(tr => tr.Children.Select(td => string.Join(" | ", td.ChildNodes.Select(n => n.TextContent.Trim()).Where(t => t.Length > 0))).ToList())];
        Assert.Equal(
        [
            ["Zaświadczenie lekarskie o ciężkim i nieodwracalnym upośledzeniu albo nieuleczalnej chorobie zagrażającej życiu", "diagnoza.pdf | Pobierz diagnoza.pdf", "2,4 MB", "2.03.2026 10:15 | Przesłany razem ze sprawą"],
            ["Zaświadczenie lekarza lub położnej o opiece medycznej nie później niż od 10. tygodnia ciąży do porodu", "opieka.pdf | Pobierz opieka.pdf", "1 kB", "2.03.2026 10:15 | Przesłany razem ze sprawą"],
            ["Dokument uzupełniający wniosek, o który prosił ośrodek", "brakujace.pdf | Pobierz brakujace.pdf", "30 kB", "10.03.2026 14:40 | W odpowiedzi na wezwanie do uzupełnienia braków"],
        ], Rows(polish));
        Assert.Equal(["Rodzaj dokumentu", "Plik", "Rozmiar", "Wpłynął"], polish.QuerySelectorAll("section[aria-labelledby=attachments-heading] th").Select(th => th.TextContent));
        var englishRows = Rows(english);
        Assert.Equal("Medical certificate of a severe and irreversible impairment or an incurable life-threatening illness", englishRows[0][0]);
        Assert.EndsWith("In answer to the request for missing documents", englishRows[2][3], StringComparison.Ordinal);
        // What the family named the file stays isolated, as everything they typed.
        Assert.Equal("diagnoza.pdf", polish.QuerySelector("section[aria-labelledby=attachments-heading] tbody tr bdi")!.TextContent);
    }

    private const string Hostile = "<script>alert(1)</script> \u202Ekaj";

    [Fact]
    public async Task The_answers_read_as_the_familys_check_page_in_polish_with_what_they_typed_encoded_and_isolated()
    {
        var c = await SubmitWithSummaryAsync();
        using var client = await StaffSession.SignInAsync(backOffice.App, "kancelaria@ops.example");

        var response = await client.GetAsync(new Uri($"/cases/{c.Id}", UriKind.Relative));
        var page = await Html.ParseAsync(response);
        var html = await response.Content.ReadAsStringAsync();

        var answers = page.QuerySelector("section[aria-labelledby=answers-heading]")!;
        Assert.Equal(["O Tobie", "Twoja sytuacja"], answers.QuerySelectorAll("h3").Select(h => h.TextContent));
        Assert.Equal(["Kto prosi", "Imię i nazwisko", "W czym potrzebujesz pomocy?"], answers.QuerySelectorAll("dt").Select(dt => dt.TextContent));
        Assert.Equal(["Rodzic", $"{Hostile} Wójcik", "Opieka nad dziećmi i ich wychowanie"], answers.QuerySelectorAll("dd").Select(dd => dd.TextContent));
        // What the family typed, each piece alone in its <bdi>; our words (the role) outside.
        Assert.Equal([Hostile, "Wójcik"], answers.QuerySelectorAll("bdi").Select(b => b.TextContent));
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain(page.QuerySelectorAll("script"), e => e.TextContent.Contains("alert", StringComparison.Ordinal));
        // Not the journey's raw JSON: no keys, nulls, bookkeeping or answer codes.
        foreach (var raw in new[] { "isEmpty", "null", "flatNumber", "Upbringing", " › " })
        {
            Assert.DoesNotContain(raw, answers.TextContent, StringComparison.Ordinal);
        }
        var relationships = page.QuerySelectorAll("section[aria-labelledby=people-heading] tbody tr").Select(tr => tr.Children[4].TextContent);
        Assert.Equal(["Rodzic", "Dziecko"], relationships);
    }

    [Fact]
    public async Task Staff_who_chose_english_read_the_answers_in_english_and_a_language_not_stored_falls_back_to_polish()
    {
        var c = await SubmitWithSummaryAsync();
        using var client = await StaffSession.SignInAsync(backOffice.App, "kancelaria@ops.example");

        var english = await StaffSession.GetPageAsync(client, $"/cases/{c.Id}?culture=en");
        var ukrainian = await StaffSession.GetPageAsync(client, $"/cases/{c.Id}?culture=uk");

        Assert.Equal(["About you"], english.QuerySelectorAll("section[aria-labelledby=answers-heading] h3").Select(h => h.TextContent));
        Assert.Equal("A parent", english.Text("section[aria-labelledby=answers-heading] dd"));
        Assert.Equal(["Parent", "Child"], english.QuerySelectorAll("section[aria-labelledby=people-heading] tbody tr").Select(tr => tr.Children[4].TextContent));
        Assert.Equal(["O Tobie", "Twoja sytuacja"], ukrainian.QuerySelectorAll("section[aria-labelledby=answers-heading] h3").Select(h => h.TextContent));
        Assert.Equal(["Один із батьків", "Дитина"], ukrainian.QuerySelectorAll("section[aria-labelledby=people-heading] tbody tr").Select(tr => tr.Children[4].TextContent));
    }

    /// <summary>A family's request for an assistant as the Portal stored its answers before it kept the read-back.</summary>
    private const string OlderAnswersJson = """
        {"aboutYou":{"role":"Parent","firstName":"<b>Anna</b> \u202Ekaj","lastName":"Wójcik","pesel":"90010112345","dateOfBirth":{"day":null,"month":null,"year":null,"isEmpty":true,"parts":{}}},
         "contact":{"street":"3 Maja","houseNumber":"36","flatNumber":null,"postalCode":"44-230","city":"Lipowiec","phone":"","email":null,"preferredContact":"Phone","language":"pl"},
         "household":{"children":[{"firstName":"Zosia","dateOfBirth":{"day":"14","month":"9","year":"2019","isEmpty":false,"parts":{}},"isEmpty":false},{"firstName":null,"dateOfBirth":{"day":null,"month":null,"year":null,"isEmpty":true,"parts":{}},"isEmpty":true}],"otherMembers":null},
         "situation":{"difficulties":"Trudno nam","helpWanted":["Upbringing","Offices"],"helpOther":null,"earlierHelp":"No","earlierHelpDetails":null}}
        """;

    [Fact]
    public async Task A_case_stored_before_summaries_reads_its_answers_as_labelled_words_not_json()
    {
        var c = await TestCases.SubmitAsync(backOffice.App.Services, c => c.AnswersJson = OlderAnswersJson);
        using var client = await StaffSession.SignInAsync(backOffice.App, "kancelaria@ops.example");

        var response = await client.GetAsync(new Uri($"/cases/{c.Id}", UriKind.Relative));
        var page = await Html.ParseAsync(response);
        var english = await StaffSession.GetPageAsync(client, $"/cases/{c.Id}?culture=en");

        var answers = page.QuerySelector("section[aria-labelledby=answers-heading]")!;
        Assert.Equal(["O wnioskodawcy", "Adres i kontakt", "Gospodarstwo domowe – Dzieci – Pozycja 1", "Sytuacja rodziny"], answers.QuerySelectorAll("h3").Select(h => h.TextContent));
        var rows = answers.QuerySelectorAll("dt").Select(dt => $"{dt.TextContent}: {dt.NextElementSibling!.TextContent}");
        Assert.Equal(
        [
            "Kto składa: Rodzic", "Imię: <b>Anna</b> \u202Ekaj", "Nazwisko: Wójcik", "PESEL: 90010112345",
            "Ulica: 3 Maja", "Numer domu: 36", "Kod pocztowy: 44-230", "Miejscowość: Lipowiec", "Preferowany sposób kontaktu: Telefonicznie", "Język korespondencji: polski",
            "Imię: Zosia", "Data urodzenia: 14.09.2019",
            "Co jest teraz trudne dla rodziny: Trudno nam", "W czym potrzebna jest pomoc: Opieka nad dziećmi i ich wychowanie; Załatwianie spraw w urzędach i instytucjach",
            "Czy rodzina korzystała wcześniej z pomocy: Nie",
        ], rows);
        // What the family typed stays isolated and encoded; our words (codes, dates) do not.
        Assert.Equal(["<b>Anna</b> \u202Ekaj", "Wójcik", "90010112345", "3 Maja", "36", "44-230", "Lipowiec", "Zosia", "Trudno nam"], answers.QuerySelectorAll("bdi").Select(b => b.TextContent));
        Assert.DoesNotContain("<b>Anna", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        foreach (var raw in new[] { "{", "\"", "isEmpty", "null", "flatNumber", "Upbringing", "Phone", " › " })
        {
            Assert.DoesNotContain(raw, answers.TextContent, StringComparison.Ordinal);
        }
        var englishAnswers = english.QuerySelector("section[aria-labelledby=answers-heading]")!;
        Assert.Equal("About the applicant", englishAnswers.QuerySelector("h3")!.TextContent);
        Assert.Equal(["Who is applying", "A parent"], englishAnswers.QuerySelectorAll("dt, dd").Take(2).Select(e => e.TextContent));
    }

    [Fact]
    public async Task An_older_case_without_answers_says_so()
    {
        var c = await TestCases.SubmitAsync(backOffice.App.Services, c => c.AnswersJson = """{"contact":{"email":""}}""");
        using var client = await StaffSession.SignInAsync(backOffice.App, "kancelaria@ops.example");

        var page = await StaffSession.GetPageAsync(client, $"/cases/{c.Id}");

        Assert.Equal("Brak odpowiedzi do pokazania.", page.Text("section[aria-labelledby=answers-heading] p"));
    }

    /// <summary>A case as the Portal stores it, with the summary its check page wrote (in Polish and English).</summary>
    private Task<Case> SubmitWithSummaryAsync()
    {
        var summary = new AnswerSummary(new Dictionary<string, IReadOnlyList<AnswerSummarySection>>
        {
            ["pl"] =
            [
                new("O Tobie", [
                    new("Kto prosi", [new("Rodzic", false)]),
                    new("Imię i nazwisko", [new(Hostile, true), new(" ", false), new("Wójcik", true)]),
                ]),
                new("Twoja sytuacja", [new("W czym potrzebujesz pomocy?", [new("Opieka nad dziećmi i ich wychowanie", false)])]),
            ],
            ["en"] = [new("About you", [new("Who is asking", [new("A parent", false)])])],
        });
        return TestCases.SubmitAsync(backOffice.App.Services, c =>
        {
            c.AnswersJson = """{"aboutYou":{"role":"Parent"},"contact":{"flatNumber":null},"household":{"children":[{"isEmpty":true}]},"situation":{"helpWanted":["Upbringing"]}}""";
            c.AnswerSummaryJson = summary.ToJson();
            c.People =
            [
                new() { Id = Guid.CreateVersion7(), Role = PersonRole.Applicant, FirstName = Hostile, LastName = "Wójcik", Relationship = "Parent", Position = 0 },
                new() { Id = Guid.CreateVersion7(), Role = PersonRole.Child, FirstName = "Zosia", LastName = "Wójcik", Relationship = "Child", Position = 1 },
            ];
        });
    }

    [Fact]
    public async Task A_step_the_role_may_not_take_is_refused_with_a_clear_message_in_the_persons_language()
    {
        await using var db = backOffice.App.Database.CreateDbContext();
        var c = await db.Cases.AsNoTracking().FirstAsync(x => x.Status == CaseStatus.WithSocialWorker);
        using var client = await StaffSession.SignInAsync(backOffice.App, "dyrektor@ops.example");

        var response = await StaffSession.PostFormAsync(client, $"/cases/{c.Id}?handler=Status", new() { ["To"] = nameof(CaseStatus.InterviewPlanned) }, formPage: $"/cases/{c.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Twoja rola nie pozwala przenieść sprawy ze statusu „U pracownika socjalnego” do „Zaplanowany wywiad środowiskowy”", page.Text(".error-summary a"));
        Assert.Equal(CaseStatus.WithSocialWorker, (await db.Cases.AsNoTracking().SingleAsync(x => x.Id == c.Id)).Status);
    }

    [Fact]
    public async Task A_completion_deadline_under_seven_days_is_refused_next_to_the_field()
    {
        await using var db = backOffice.App.Database.CreateDbContext();
        var c = await db.Cases.AsNoTracking().FirstAsync(x => x.Status == CaseStatus.Received);
        using var client = await StaffSession.SignInAsync(backOffice.App, "kancelaria@ops.example");
        var soon = Core.Time.WarsawTime.Today(TimeProvider.System).AddDays(3).ToString("yyyy-MM-dd");

        var response = await StaffSession.PostFormAsync(client, $"/cases/{c.Id}?handler=Status",
            new() { ["To"] = nameof(CaseStatus.CompletionRequested), ["CompletionDueOn"] = soon, ["Reason"] = "Zaświadczenie lekarskie" }, formPage: $"/cases/{c.Id}");

        var page = await Html.ParseAsync(response);
        Assert.StartsWith("Termin uzupełnienia braków musi wynosić co najmniej 7 dni", page.Text(".error-summary a[href='#CompletionDueOn-CompletionRequested']"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#CompletionDueOn-CompletionRequested"));
        Assert.Equal(soon, page.QuerySelector("#CompletionDueOn-CompletionRequested")!.GetAttribute("value"));
        Assert.Equal("Zaświadczenie lekarskie", page.QuerySelector("#Reason-CompletionRequested")!.TextContent);
    }

    /// <summary>
    /// What staff type follows the families' rule: control characters (an escape sequence copied from a terminal, a bell)
    /// are removed before it is stored, so the request for documents the family reads and mails is clean; the rest is kept.
    /// </summary>
    [Fact]
    public async Task Control_characters_in_what_staff_type_are_removed_before_it_is_stored()
    {
        await using var db = backOffice.App.Database.CreateDbContext();
        var c = await db.Cases.AsNoTracking().FirstAsync(x => x.Status == CaseStatus.Received);
        using var client = await StaffSession.SignInAsync(backOffice.App, "kancelaria@ops.example");
        var due = Core.Time.WarsawTime.Today(TimeProvider.System).AddDays(14).ToString("yyyy-MM-dd");

        await StaffSession.PostFormAsync(client, $"/cases/{c.Id}?handler=Note", new() { ["Note"] = "Dzwoniła\u0007 pedagog <b>szkolna</b>.\r\n\tOddzwonić." }, formPage: $"/cases/{c.Id}");
        await StaffSession.PostFormAsync(client, $"/cases/{c.Id}?handler=Status",
            new() { ["To"] = nameof(CaseStatus.CompletionRequested), ["CompletionDueOn"] = due, ["Reason"] = "\u001B[31mZaświadczenie lekarskie\u001B[0m" }, formPage: $"/cases/{c.Id}");

        var events = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == c.Id).ToListAsync();
        Assert.Contains(events, e => e.Kind == CaseEventKind.NoteAdded && e.Text == "Dzwoniła pedagog <b>szkolna</b>.\r\n\tOddzwonić.");
        Assert.Equal("[31mZaświadczenie lekarskie[0m", events.Single(e => e.Kind == CaseEventKind.CompletionRequested).Text);
    }

    [Fact]
    public async Task A_refused_merge_and_a_note_too_long_to_keep_come_back_with_what_was_typed_and_nothing_is_cut_short()
    {
        await using var db = backOffice.App.Database.CreateDbContext();
        var c = await db.Cases.AsNoTracking().FirstAsync(x => x.Status == CaseStatus.Received);
        using var client = await StaffSession.SignInAsync(backOffice.App, "kancelaria@ops.example");
        var longNote = string.Concat(Enumerable.Repeat("Rozmowa z pedagogiem szkolnym. ", 400));

        var merge = await Html.ParseAsync(await StaffSession.PostFormAsync(client, $"/cases/{c.Id}?handler=Merge",
            new() { ["TargetNumber"] = "OPS.4010.99999.1999" }, formPage: $"/cases/{c.Id}"));
        var note = await Html.ParseAsync(await StaffSession.PostFormAsync(client, $"/cases/{c.Id}?handler=Note",
            new() { ["Note"] = longNote }, formPage: $"/cases/{c.Id}"));

        Assert.NotNull(merge.QuerySelector(".error-summary a[href='#TargetNumber']"));
        Assert.Equal("OPS.4010.99999.1999", merge.QuerySelector("#TargetNumber")!.GetAttribute("value"));
        Assert.Equal($"Najwyżej 4000 znaków: ten tekst ma {longNote.TrimEnd().Length}", note.Text(".error-summary a[href='#Note']"));
        Assert.Equal(longNote, note.QuerySelector("#Note")!.TextContent);
        Assert.False(await db.CaseEvents.AnyAsync(e => e.CaseId == c.Id && e.Kind == CaseEventKind.NoteAdded && e.Text.StartsWith("Rozmowa z pedagogiem")));
    }

    [Fact]
    public async Task The_clerk_marks_a_case_urgent_and_adds_an_internal_note_both_on_the_timeline()
    {
        await using var db = backOffice.App.Database.CreateDbContext();
        var c = await db.Cases.AsNoTracking().FirstAsync(x => x.Status == CaseStatus.Received && !x.IsUrgent);
        using var client = await StaffSession.SignInAsync(backOffice.App, "kancelaria@ops.example");

        await StaffSession.PostFormAsync(client, $"/cases/{c.Id}?handler=Urgent", [], formPage: $"/cases/{c.Id}");
        await StaffSession.PostFormAsync(client, $"/cases/{c.Id}?handler=Note", new() { ["Note"] = "Dzwoniła pedagog szkolna." }, formPage: $"/cases/{c.Id}");
        var page = await StaffSession.GetPageAsync(client, $"/cases/{c.Id}");

        Assert.Contains("Pilna", page.Text(".case-status"), StringComparison.Ordinal);
        var timeline = page.QuerySelectorAll(".timeline li").Select(li => li.TextContent).ToList();
        Assert.Contains(timeline, t => t.Contains("Oznaczona jako pilna", StringComparison.Ordinal) && t.Contains("Anna Nowak", StringComparison.Ordinal));
        Assert.Contains(timeline, t => t.Contains("Notatka wewnętrzna", StringComparison.Ordinal) && t.Contains("Dzwoniła pedagog szkolna.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_new_access_code_goes_to_the_cases_e_mail_address_and_the_old_one_stops_working()
    {
        await using var db = backOffice.App.Database.CreateDbContext();
        var c = await db.Cases.AsNoTracking().FirstAsync(x => x.Status == CaseStatus.Received && x.ContactEmail != null && x.ReferringInstitution == null);
        using var client = await StaffSession.SignInAsync(backOffice.App, "kancelaria@ops.example");
        // Another test of this class may have given the same case a new code before.
        var before = await db.OutboxMessages.MaxAsync(m => (long?)m.Id) ?? 0;

        var response = await StaffSession.PostFormAsync(client, $"/cases/{c.Id}?handler=AccessCode", [], formPage: $"/cases/{c.Id}");
        var page = await StaffSession.GetPageAsync(client, StaffSession.Target(response)!);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Nowy kod dostępu wysłano na adres e-mail podany w sprawie", page.Text("main"), StringComparison.Ordinal);
        var now = await db.Cases.AsNoTracking().SingleAsync(x => x.Id == c.Id);
        var mail = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id > before && m.CaseId == c.Id && m.Template == Core.Mail.MailTemplate.NewAccessCode);
        Assert.Equal(c.ContactEmail, mail.RecipientEmail);
        var code = backOffice.App.Services.GetRequiredService<Core.Outbox.OutboxSecrets>().Reveal(mail.Payload)!;
        Assert.DoesNotContain(code, mail.Payload!, StringComparison.Ordinal);
        Assert.True(Core.Submissions.AccessCode.Matches(code, now.AccessCodeHash));
        Assert.NotEqual(c.AccessCodeHash, now.AccessCodeHash);
        Assert.Null(page.QuerySelector(".access-code"));
        Assert.DoesNotContain(code, page.Text("main"), StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll(".timeline li"), li => li.TextContent.Contains("Nadano nowy kod dostępu", StringComparison.Ordinal));
        await using var scope = backOffice.App.Services.CreateAsyncScope();
        var rendered = await scope.ServiceProvider.GetRequiredService<Core.Mail.MailRenderer>().RenderAsync(mail, CancellationToken.None);
        Assert.Equal($"Nowy kod dostępu do sprawy {c.Number}", rendered!.Subject);
        Assert.Contains($"nowy kod dostępu do sprawy {c.Number}: {code}", rendered.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_e_mail_address_the_new_access_code_is_shown_to_the_staff_member_once()
    {
        await using var db = backOffice.App.Database.CreateDbContext();
        var c = await db.Cases.FirstAsync(x => x.Status == CaseStatus.WithSocialWorker && x.ReferringInstitution == null);
        c.ContactEmail = null;
        await db.SaveChangesAsync();
        using var client = await StaffSession.SignInAsync(backOffice.App, "kancelaria@ops.example");

        var response = await StaffSession.PostFormAsync(client, $"/cases/{c.Id}?handler=AccessCode", [], formPage: $"/cases/{c.Id}");
        var page = await Html.ParseAsync(response);
        var again = await StaffSession.GetPageAsync(client, $"/cases/{c.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var shown = page.Text(".access-code");
        var hash = await db.Cases.AsNoTracking().Where(x => x.Id == c.Id).Select(x => x.AccessCodeHash).SingleAsync();
        Assert.True(Core.Submissions.AccessCode.Matches(shown, hash));
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.CaseId == c.Id && m.Template == Core.Mail.MailTemplate.NewAccessCode));
        Assert.Null(again.QuerySelector(".access-code"));
    }

    [Fact]
    public async Task A_new_access_code_erases_the_old_one_kept_for_a_browser_that_sends_the_application_again()
    {
        await using var db = backOffice.App.Database.CreateDbContext();
        var c = await db.Cases.FirstAsync(x => x.Status == CaseStatus.Received && x.ReferringInstitution == null);
        c.SubmissionKey ??= Guid.NewGuid();
        db.PendingAccessCodes.Add(new Core.Submissions.PendingAccessCode { SubmissionKey = c.SubmissionKey.Value, ProtectedCode = "protected", ExpiresAt = DateTimeOffset.UtcNow.AddHours(1) });
        await db.SaveChangesAsync();
        using var client = await StaffSession.SignInAsync(backOffice.App, "kancelaria@ops.example");

        await StaffSession.PostFormAsync(client, $"/cases/{c.Id}?handler=AccessCode", [], formPage: $"/cases/{c.Id}");

        // The Portal would otherwise give the old, no longer valid code to a repeated send of the application.
        Assert.False(await db.PendingAccessCodes.AnyAsync(p => p.SubmissionKey == c.SubmissionKey));
    }
}
