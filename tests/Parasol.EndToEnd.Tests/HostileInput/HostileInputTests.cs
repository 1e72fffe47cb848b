using System.Globalization;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parasol.Core.Mail;
using Parasol.Core.Outbox;
using Parasol.Core.Seeding;
using Parasol.Core.Time;
using Parasol.Portal.Tests.Pages.Apply;
using Parasol.Testing;

namespace Parasol.EndToEnd.Tests.HostileInput;

/// <summary>
/// Every text field of every journey filled with hostile strings: the case keeps them exactly as typed, and the
/// check page, the receipt, the back office's case page and the case's e-mails show them as text, never as markup.
/// </summary>
public sealed class HostileInputTests(HostileInputTests.Apps apps) : IClassFixture<HostileInputTests.Apps>
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n"u8, .. new byte[1500], .. "\n%%EOF\n"u8];

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task A_family_assistant_request_keeps_hostile_text_as_typed_and_shows_it_encoded_everywhere(string hostile)
    {
        var typed = new List<string>();
        string T(int max) { var v = HostileCorpus.Fit(hostile, max); typed.Add(v); return v; }
        var form = await StartAsync("/apply/family-assistant");
        await AboutYouAndContactAsync(form, T);
        await StepAsync(form, new()
        {
            ["Answers.Children[0].FirstName"] = T(100),
            ["Answers.Children[0].DateOfBirth.Day"] = "14",
            ["Answers.Children[0].DateOfBirth.Month"] = "9",
            ["Answers.Children[0].DateOfBirth.Year"] = "2018",
            ["Answers.OtherMembers"] = T(1000),
        });
        await StepAsync(form, new()
        {
            ["Answers.Difficulties"] = T(2000),
            ["Answers.HelpWanted"] = "School",
            ["Answers.HelpOther"] = T(1000),
            ["Answers.EarlierHelp"] = "Yes",
            ["Answers.EarlierHelpDetails"] = T(1000),
        });

        await FinishAndCheckEverywhereAsync(form, typed);
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task A_za_zyciem_benefit_application_keeps_hostile_text_as_typed_and_shows_it_encoded_everywhere(string hostile)
    {
        var typed = new List<string>();
        string T(int max) { var v = HostileCorpus.Fit(hostile, max); typed.Add(v); return v; }
        var born = WarsawTime.Today(TimeProvider.System).AddMonths(-2);
        var form = await StartAsync("/apply/za-zyciem-benefit");
        await StepAsync(form, new()
        {
            ["Answers.Role"] = "Father",
            ["Answers.FirstName"] = T(100),
            ["Answers.LastName"] = T(100),
            ["Answers.Pesel"] = "90032712341",
            ["Answers.Email"] = "ojciec@example.com",
        });
        await StepAsync(form, new()
        {
            ["Answers.FirstName"] = T(100),
            ["Answers.LastName"] = T(100),
            ["Answers.DateOfBirth.Day"] = born.Day.ToString(CultureInfo.InvariantCulture),
            ["Answers.DateOfBirth.Month"] = born.Month.ToString(CultureInfo.InvariantCulture),
            ["Answers.DateOfBirth.Year"] = born.Year.ToString(CultureInfo.InvariantCulture),
            ["Answers.Specialty"] = "Neonatology",
        });
        await StepAsync(form, new()
        {
            ["Answers.Method"] = "Post",
            ["Answers.Street"] = T(200),
            ["Answers.HouseNumber"] = T(20),
            ["Answers.PostalCode"] = "44-230",
            ["Answers.City"] = T(100),
        });
        await form.UploadAsync("diagnoza.pdf", Pdf, "?handler=Upload");
        Assert.Empty(form.Errors());

        await FinishAndCheckEverywhereAsync(form, typed);
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task A_referral_keeps_hostile_text_as_typed_and_shows_it_encoded_everywhere(string hostile)
    {
        var typed = new List<string>();
        string T(int max) { var v = HostileCorpus.Fit(hostile, max); typed.Add(v); return v; }
        var form = await StartAsync("/refer");
        await StepAsync(form, new()
        {
            ["Answers.Type"] = "School",
            ["Answers.Name"] = T(300),
            ["Answers.ContactPerson"] = T(200),
            ["Answers.ContactRole"] = T(100),
            ["Answers.Email"] = "pedagog@szkola.example",
            ["Answers.Phone"] = "",
        });
        await StepAsync(form, new()
        {
            ["Answers.ChildFirstName"] = T(100),
            ["Answers.ChildLastName"] = T(100),
            ["Answers.SchoolClass"] = T(20),
            ["Answers.ParentNames"] = T(300),
            ["Answers.Street"] = T(200),
            ["Answers.HouseNumber"] = T(20),
            ["Answers.PostalCode"] = "44-230",
            ["Answers.City"] = T(100),
        });
        await StepAsync(form, new()
        {
            ["Answers.Observed"] = T(4000),
            ["Answers.ActionsTaken"] = T(2000),
            ["Answers.ParentsKnow"] = "Yes",
            ["Answers.Urgency"] = "Immediate",
            ["Answers.BlueCard"] = "No",
        });

        await FinishAndCheckEverywhereAsync(form, typed);
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task A_za_zyciem_support_request_keeps_hostile_text_as_typed_and_shows_it_encoded_everywhere(string hostile)
    {
        var typed = new List<string>();
        string T(int max) { var v = HostileCorpus.Fit(hostile, max); typed.Add(v); return v; }
        var form = await StartAsync("/apply/za-zyciem-support");
        await AboutYouAndContactAsync(form, T);
        await StepAsync(form, new()
        {
            ["Answers.ChildFirstName"] = T(100),
            ["Answers.ChildDateOfBirth.Day"] = "3",
            ["Answers.ChildDateOfBirth.Month"] = "2",
            ["Answers.ChildDateOfBirth.Year"] = "2025",
            ["Answers.Needs"] = T(2000),
        });
        await form.UploadAsync("diagnoza.pdf", Pdf, "?handler=Upload", [new("kind", "DiagnosisCertificate")]);
        Assert.Empty(form.Errors());

        await FinishAndCheckEverywhereAsync(form, typed);
    }

    /// <summary>The accessibility request is one form, sent without a check page: its receipt, the case and its e-mails.</summary>
    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task An_accessibility_request_keeps_hostile_text_as_typed_and_shows_it_encoded_everywhere(string hostile)
    {
        var typed = new List<string>();
        string T(int max) { var v = HostileCorpus.Fit(hostile, max); typed.Add(v); return v; }
        var form = new FormClient(apps.Portal.CreateClient());
        await form.GetAsync("/accessibility-request");

        await form.PostAsync(new Dictionary<string, string>
        {
            ["SubmissionKey"] = form.Page.QuerySelector("input[name=SubmissionKey]")!.GetAttribute("value")!,
            ["Answers.FirstName"] = T(100),
            ["Answers.LastName"] = T(100),
            ["Answers.ReplyBy"] = "Letter",
            ["Answers.Email"] = "jerzy@example.com",
            ["Answers.PostalAddress"] = T(300),
            ["Answers.Page"] = T(500),
            ["Answers.Problem"] = T(4000),
            ["Answers.Alternative"] = T(1000),
        });

        Assert.Empty(form.Errors());
        await CheckReceiptAndEverywhereAsync(form, typed);
    }

    public static TheoryData<string> Corpus => HostileCorpus.Strings;

    /// <summary>The two steps the family-assistant and the "Za życiem" support journeys share, each text field from <paramref name="text"/>.</summary>
    private static async Task AboutYouAndContactAsync(FormClient form, Func<int, string> text)
    {
        await StepAsync(form, new()
        {
            ["Answers.Role"] = "Parent",
            ["Answers.FirstName"] = text(100),
            ["Answers.LastName"] = text(100),
            ["Answers.Pesel"] = "90032712341",
        });
        await StepAsync(form, new()
        {
            ["Answers.Street"] = text(200),
            ["Answers.HouseNumber"] = text(20),
            ["Answers.FlatNumber"] = text(20),
            ["Answers.PostalCode"] = "44-230",
            ["Answers.City"] = text(100),
            ["Answers.Phone"] = "601 234 567",
            ["Answers.Email"] = "anna@example.com",
            ["Answers.PreferredContact"] = "Email",
            ["Answers.Language"] = "pl",
        });
    }

    private async Task FinishAndCheckEverywhereAsync(FormClient form, IReadOnlyList<string> typed)
    {
        await form.PostAsync([], "?handler=Continue");
        Assert.EndsWith("/check", form.Location!.AbsolutePath, StringComparison.Ordinal);
        ShowsAsText(form.Page, typed);

        await form.PostAsync([new("Consent", "true")]);
        await CheckReceiptAndEverywhereAsync(form, typed);
    }

    /// <summary>The receipt the form led to, then the case as stored, the back office's case page and the case's e-mails.</summary>
    private async Task CheckReceiptAndEverywhereAsync(FormClient form, IReadOnlyList<string> typed)
    {
        Assert.StartsWith("/apply/receipt/", form.Location!.AbsolutePath, StringComparison.Ordinal);
        ShowsAsText(form.Page, typed);
        var caseId = Guid.Parse(form.Location.AbsolutePath.Split('/')[^1]);

        await using var db = apps.Portal.Database.CreateDbContext();
        var stored = await db.Cases.AsNoTracking().Include(c => c.People).SingleAsync(c => c.Id == caseId);
        // Kept as typed; only the spaces around an address part are trimmed (so "12a " reads back as "12a").
        var storedTexts = StringsIn(stored.AnswersJson).Select(s => s.Trim()).ToList();
        Assert.All(typed, value => Assert.Contains(value.Trim(), storedTexts));

        using var staff = await SignInAsync("kancelaria@ops.example");
        var casePage = await Html.ParseAsync(await staff.GetAsync(new Uri($"/cases/{caseId}", UriKind.Relative)));
        Assert.Equal($"Sprawa {stored.Number}", casePage.Text("h1"));
        ShowsAsText(casePage, typed);

        var mails = await db.OutboxMessages.AsNoTracking().Where(m => m.CaseId == caseId && m.Kind == OutboxKind.Email).ToListAsync();
        Assert.NotEmpty(mails);
        await using var scope = apps.BackOffice.Services.CreateAsyncScope();
        var renderer = scope.ServiceProvider.GetRequiredService<MailRenderer>();
        foreach (var mail in mails)
        {
            var content = (await renderer.RenderAsync(mail, CancellationToken.None))!;
            var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(content.Html);
            Assert.Contains(stored.Number, html.Body!.TextContent, StringComparison.Ordinal);
            NothingExecutable(html);
        }
    }

    /// <summary>Each value appears in the page's text exactly as typed, and none became an element or an attribute.</summary>
    private static void ShowsAsText(IHtmlDocument page, IReadOnlyList<string> typed)
    {
        var text = page.QuerySelector("main")!.TextContent;
        Assert.All(typed, value => Assert.Contains(value, text, StringComparison.Ordinal));
        NothingExecutable(page);
    }

    private static void NothingExecutable(IDocument page)
    {
        Assert.All(page.QuerySelectorAll("script"), script => Assert.False(string.IsNullOrEmpty(script.GetAttribute("src")), "only script files, never inline script"));
        Assert.Empty(page.QuerySelectorAll("img[src=x], i, b"));
        Assert.DoesNotContain(page.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(page.QuerySelectorAll("a[href^='javascript' i]"));
    }

    private static List<string> StringsIn(string json)
    {
        var found = new List<string>();
        void Walk(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object: foreach (var p in e.EnumerateObject()) { Walk(p.Value); } break;
                case JsonValueKind.Array: foreach (var i in e.EnumerateArray()) { Walk(i); } break;
                case JsonValueKind.String: found.Add(e.GetString()!); break;
            }
        }
        using var document = JsonDocument.Parse(json);
        Walk(document.RootElement);
        return found;
    }

    private async Task<FormClient> StartAsync(string path)
    {
        var form = new FormClient(apps.Portal.CreateClient());
        await form.GetAsync(path);
        await form.PostAsync([]);
        return form;
    }

    private static async Task StepAsync(FormClient form, Dictionary<string, string> answers)
    {
        var before = form.Location;
        await form.PostAsync(answers);
        Assert.Empty(form.Errors());
        Assert.NotEqual(before, form.Location);
    }

    private async Task<HttpClient> SignInAsync(string email)
    {
        var client = apps.BackOffice.CreateClient();
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/Account/SignIn", UriKind.Relative)));
        var response = await client.PostAsync(new Uri("/Account/SignIn", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = DemoStaff.Password,
            ["__RequestVerificationToken"] = Html.AntiforgeryToken(page),
        }));
        Assert.DoesNotContain("/Account/SignIn", response.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.OrdinalIgnoreCase);
        return client;
    }

    /// <summary>Both apps in process over one database: the Portal takes the application, the BackOffice shows it.</summary>
    public sealed class Apps : IAsyncLifetime
    {
        public ParasolAppFactory<Parasol.Portal.SharedResource> Portal { get; private set; } = null!;
        public ParasolAppFactory<Parasol.BackOffice.SharedResource> BackOffice { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            var database = await TestDatabase.CreateAsync();
            Portal = new ParasolAppFactory<Parasol.Portal.SharedResource>(database);
            BackOffice = new ParasolAppFactory<Parasol.BackOffice.SharedResource>(database);
        }

        public async Task DisposeAsync()
        {
            await Portal.DisposeAsync();
            await BackOffice.DisposeAsync();
            await Portal.Database.DisposeAsync();
        }
    }
}
