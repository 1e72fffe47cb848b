using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Parasol.Core.Queue;
using Parasol.Core.Seeding;
using Parasol.Core.Time;
using Parasol.Portal.Tests.Pages.Apply;
using Parasol.Testing;

namespace Parasol.EndToEnd.Tests.Privacy;

/// <summary>
/// A case's whole life, from the family's application to the back office's export, with both apps logging everything
/// at Trace (every category, as an operator who turned logging up would get it) and every address recorded: no log
/// entry and no URL carries the family's personal data. Case numbers and ids may appear: they are not personal data.
/// </summary>
public sealed class NoPersonalDataInLogsTests : IAsyncLifetime
{
    private const string Surname = "Źdźbłowska-Testowa";
    private const string FirstName = "Świętomira";
    private const string ChildName = "Żywisława";
    private const string Email = "zdzblowska.testowa.7731@example.com";
    private const string Phone = "517 903 264";
    private const string Street = "Pszczółkowskiego-Zawiłej";
    private const string Situation = "Córka ma padaczkę lekooporną, mąż pije, sąd rodzinny wezwał nas w sprawie ograniczenia władzy.";
    private const string Certificate = "Zaświadczenie neurologa Źdźbłowskiej.pdf";
    private const string CompletionDocument = "Opinia poradni dla Żywisławy.pdf";
    private const string Note = "Dzwoniła matka, pani Świętomira, prosi o wizytę po 16.";
    private const string CompletionReason = "Prosimy o opinię poradni psychologicznej dla dziecka.";
    private const string ReferralChild = "Bogumiłek";
    private const string CourtSignature = "III Nsm 9174/26";
    private const string CourtContact = "Kuratorka Wieńczysława Gąsiorowska";

    private static readonly byte[] Pdf = [.. "%PDF-1.7\n"u8, .. new byte[2000], .. "\n%%EOF\n"u8];
    private static readonly byte[] OtherPdf = [.. "%PDF-1.7\n"u8, .. new byte[3000], .. "\n%%EOF\n"u8];
    private static readonly string Pesel = DemoFamilies.PeselFor(new DateOnly(1987, 6, 13), 777, female: true);

    private readonly RequestRecorder _portalUrls = new("Portal");
    private readonly RequestRecorder _backOfficeUrls = new("BackOffice");
    private readonly DateTimeOffset _started = DateTimeOffset.UtcNow;
    private readonly string _attachments = Directory.CreateTempSubdirectory("parasol-attachments-").FullName;
    private TestDatabase _database = null!;
    private Maildev _smtp = null!;
    // Properties, not fields: the class owns them only between InitializeAsync and DisposeAsync.
    private LogCapture PortalLog { get; } = new("Portal");
    private LogCapture BackOfficeLog { get; } = new("BackOffice");
    private ParasolAppFactory<Parasol.Portal.SharedResource> Portal { get; set; } = null!;
    private ParasolAppFactory<Parasol.BackOffice.SharedResource> BackOffice { get; set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _smtp = await Maildev.StartAsync();
        Portal = new ParasolAppFactory<Parasol.Portal.SharedResource>(_database);
        BackOffice = new ParasolAppFactory<Parasol.BackOffice.SharedResource>(_database);
        LikeProduction(Portal.Settings);
        LikeProduction(BackOffice.Settings);
        // One attachment store for both, as in production: the back office downloads what the family uploaded.
        Portal.Settings["Attachments:Directory"] = _attachments;
        BackOffice.Settings["Attachments:Directory"] = _attachments;
        BackOffice.Settings["Jobs:RunServer"] = "true";
        BackOffice.Settings["Mail:Host"] = "127.0.0.1";
        BackOffice.Settings["Mail:Port"] = _smtp.SmtpPort.ToString(CultureInfo.InvariantCulture);
        BackOffice.Settings["Mail:Security"] = "None";
        Portal.ConfigureTestServices = services => Record(services, PortalLog, _portalUrls);
        BackOffice.ConfigureTestServices = services => Record(services, BackOfficeLog, _backOfficeUrls);
    }

    public async Task DisposeAsync()
    {
        await Portal.DisposeAsync();
        await BackOffice.DisposeAsync();
        await _smtp.DisposeAsync();
        await _database.DisposeAsync();
        Directory.Delete(_attachments, recursive: true);
    }

    [Fact]
    public async Task A_case_from_application_to_export_leaves_no_personal_data_in_any_log_entry_or_url()
    {
        _ = BackOffice.Services; // its Hangfire server routes the cases and sends the e-mails

        // The family applies, with a certificate, and is given its receipt.
        var family = await StartAsync("/apply/family-assistant");
        await StepAsync(family, new()
        {
            ["Answers.Role"] = "Parent",
            ["Answers.FirstName"] = FirstName,
            ["Answers.LastName"] = Surname,
            ["Answers.Pesel"] = Pesel,
        });
        await StepAsync(family, new()
        {
            ["Answers.Street"] = Street,
            ["Answers.HouseNumber"] = "36",
            ["Answers.FlatNumber"] = "4",
            ["Answers.PostalCode"] = "44-230",
            ["Answers.City"] = "Lipowiec",
            ["Answers.Phone"] = Phone,
            ["Answers.Email"] = Email,
            ["Answers.PreferredContact"] = "Email",
            ["Answers.Language"] = "pl",
        });
        await StepAsync(family, new()
        {
            ["Answers.Children[0].FirstName"] = ChildName,
            ["Answers.Children[0].DateOfBirth.Day"] = "14",
            ["Answers.Children[0].DateOfBirth.Month"] = "9",
            ["Answers.Children[0].DateOfBirth.Year"] = "2018",
            ["Answers.OtherMembers"] = "",
        });
        await family.PostAsync(
        [
            new("Answers.Difficulties", Situation),
            new("Answers.HelpWanted", "Upbringing"),
            new("Answers.HelpOther", ""),
            new("Answers.EarlierHelp", "No"),
            new("Answers.EarlierHelpDetails", ""),
        ]);
        Assert.Empty(family.Errors());
        await family.UploadAsync(Certificate, Pdf, "?handler=Upload");
        Assert.Empty(family.Errors());
        await family.PostAsync([], "?handler=Continue");
        await family.PostAsync([new("Consent", "true")]);
        Assert.StartsWith("/apply/receipt/", family.Location!.AbsolutePath, StringComparison.Ordinal);
        var caseId = Guid.Parse(family.Location.AbsolutePath.Split('/')[^1]);
        var number = family.Page.Text(".case-number");
        var accessCode = family.Page.Text(".access-code");
        await WaitForJobsAsync();

        // The family looks its case up.
        var status = await StatusAsync(number, accessCode);
        Assert.Equal("/status/case", status.Location!.AbsolutePath);

        // The registry: the queue, a search by surname and by PESEL, the case, its attachment, a note, a completion
        // request and the export.
        using var staff = await SignInAsync("kancelaria@ops.example");
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
        Assert.Contains(number, await PostStaffFormAsync(staff, "/", new() { ["Tab"] = "All", ["Search"] = Surname }), StringComparison.Ordinal);
        Assert.Contains(number, await PostStaffFormAsync(staff, "/", new() { ["Tab"] = "All", ["Search"] = Pesel }), StringComparison.Ordinal);
        var casePage = await Html.ParseAsync(await staff.GetAsync(new Uri($"/cases/{caseId}", UriKind.Relative)));
        Assert.Contains(Surname, casePage.Text("main"), StringComparison.Ordinal);
        var download = casePage.QuerySelector("a[href*='/attachments/'][href$='download=true']")!.GetAttribute("href")!;
        Assert.Equal(Pdf, await staff.GetByteArrayAsync(new Uri(download, UriKind.Relative)));
        await PostStaffFormAsync(staff, $"/cases/{caseId}?handler=Note", new() { ["Note"] = Note }, formPage: $"/cases/{caseId}");
        var due = WarsawTime.Today(TimeProvider.System).AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await PostStaffFormAsync(staff, $"/cases/{caseId}?handler=Status",
            new() { ["To"] = "CompletionRequested", ["CompletionDueOn"] = due, ["Reason"] = CompletionReason }, formPage: $"/cases/{caseId}");
        var export = await PostStaffFormRawAsync(staff, "/?handler=Export", new() { ["Tab"] = "All", ["Search"] = Surname }, formPage: "/");
        var csv = await export.Content.ReadAsStringAsync();
        Assert.Contains(Surname, csv, StringComparison.Ordinal);

        // The family answers the completion request with a document.
        status = await StatusAsync(number, accessCode);
        await status.GetAsync("/status/documents");
        await status.UploadAsync(CompletionDocument, OtherPdf, "/status/documents?handler=Upload");
        Assert.Empty(status.Errors());
        await status.PostAsync([], "/status/documents?handler=Send");
        Assert.Equal("/status/case", status.Location!.AbsolutePath);

        // A family court refers the family's other child.
        var court = await StartAsync("/refer");
        await StepAsync(court, new()
        {
            ["Answers.Type"] = "FamilyCourt",
            ["Answers.Name"] = "Sąd Rejonowy w Lipowcu, III Wydział Rodzinny i Nieletnich",
            ["Answers.CourtCaseSignature"] = CourtSignature,
            ["Answers.ContactPerson"] = CourtContact,
            ["Answers.ContactRole"] = "kurator sądowy",
            ["Answers.Email"] = "sekretariat@sad.example",
            ["Answers.Phone"] = "",
        });
        await StepAsync(court, new()
        {
            ["Answers.ChildFirstName"] = ReferralChild,
            ["Answers.ChildLastName"] = Surname,
            ["Answers.SchoolClass"] = "",
            ["Answers.ParentNames"] = $"{FirstName} {Surname}",
            ["Answers.Street"] = Street,
            ["Answers.HouseNumber"] = "36",
            ["Answers.PostalCode"] = "44-230",
            ["Answers.City"] = "Lipowiec",
        });
        await StepAsync(court, new()
        {
            ["Answers.Observed"] = Situation,
            ["Answers.ActionsTaken"] = "",
            ["Answers.ParentsKnow"] = "Yes",
            ["Answers.Urgency"] = "Normal",
            ["Answers.BlueCard"] = "No",
        });
        await court.PostAsync([], "?handler=Continue");
        await court.PostAsync([new("Consent", "true")]);
        Assert.StartsWith("/apply/receipt/", court.Location!.AbsolutePath, StringComparison.Ordinal);
        await WaitForJobsAsync();
        Assert.Contains(await _smtp.MessagesAsync(), m => m.To == Email);

        var secrets = new Dictionary<string, string>
        {
            ["surname"] = Surname,
            ["first name"] = FirstName,
            ["child's name"] = ChildName,
            ["referred child's name"] = ReferralChild,
            ["PESEL"] = Pesel,
            ["e-mail address"] = Email,
            ["phone"] = Phone,
            ["phone digits"] = Phone.Replace(" ", "", StringComparison.Ordinal),
            ["street"] = Street,
            ["situation"] = Situation,
            ["part of the situation"] = "padaczkę lekooporną",
            ["certificate's file name"] = Certificate,
            ["completion document's file name"] = CompletionDocument,
            ["note"] = Note,
            ["completion request"] = CompletionReason,
            ["court case signature"] = CourtSignature,
            ["court's contact person"] = CourtContact,
            ["access code"] = accessCode,
            ["access code without dashes"] = accessCode.Replace("-", "", StringComparison.Ordinal),
        };
        var logs = PortalLog.Entries.Concat(BackOfficeLog.Entries).ToList();
        Assert.True(logs.Count > 1000, $"only {logs.Count} log entries captured: is Trace logging on?");
        // Npgsql is not in the list: neither EF's nor Hangfire's connections are given a logger factory, so it logs nothing.
        // Nor is Hangfire: its log provider is one static for the whole process, set by whichever host configured Hangfire
        // last, so with the other tests' hosts running alongside its lines may land in another host's log (the jobs' own
        // work is checked: the receipt e-mail arrived, and our job classes log through this host's factory).
        var categories = logs.Select(l => l.Category).ToHashSet();
        Assert.All(new[] { "Microsoft.EntityFrameworkCore.Database.Command", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Mvc" },
            prefix => Assert.True(categories.Any(c => c.StartsWith(prefix, StringComparison.Ordinal)), $"nothing logged by {prefix}: {string.Join(", ", categories.Order())}"));
        var leaks = (from log in logs
                     from secret in secrets
                     where Contains(log.AllText, secret.Value)
                     select $"{secret.Key} in {log}").Distinct().ToList();
        Assert.True(leaks.Count == 0, $"{leaks.Count} log entries carry personal data:\n{string.Join("\n", leaks.Take(30))}");

        var urls = _portalUrls.Urls.Concat(_backOfficeUrls.Urls).ToList();
        Assert.Contains(urls, u => u.Contains("/status/documents", StringComparison.Ordinal));
        Assert.Contains(urls, u => u.Contains("Location: ", StringComparison.Ordinal));
        var inUrls = (from url in urls
                      from secret in secrets
                      where Contains(url, secret.Value) || Contains(Unescape(url), secret.Value)
                      select $"{secret.Key} in {url}").Distinct().ToList();
        Assert.True(inUrls.Count == 0, $"URLs carry personal data:\n{string.Join("\n", inUrls)}");
    }

    /// <summary>
    /// Case-insensitive, also with Polish letters folded to ASCII, and also across the spaces and dashes a log may put
    /// into (or take out of) a number.
    /// </summary>
    private static bool Contains(string text, string secret)
    {
        string Fold(string s) => SearchText.Fold(s).ToLowerInvariant();
        string Squeeze(string s) => new(s.Where(c => c is not (' ' or '-' or '\u00A0')).ToArray());
        var folded = Fold(text);
        return text.Contains(secret, StringComparison.OrdinalIgnoreCase)
            || folded.Contains(Fold(secret), StringComparison.Ordinal)
            || (secret.Any(char.IsAsciiDigit) && Squeeze(folded).Contains(Squeeze(Fold(secret)), StringComparison.Ordinal));
    }

    private static string Unescape(string url)
    {
        try
        {
            return Uri.UnescapeDataString(url.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return url;
        }
    }

    /// <summary>
    /// Logging as production configures it (appsettings.json, EF's sensitive data logging off) but turned up to Trace
    /// for every category, and the database's errors without their detail, as production's connection string has them.
    /// </summary>
    private void LikeProduction(Dictionary<string, string?> settings)
    {
        settings["Logging:LogLevel:Default"] = "Trace";
        settings["Logging:LogLevel:Microsoft"] = "Trace";
        settings["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace";
        settings["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Trace";
        // Even asked for by name, the page handlers' arguments stay out (PrivateLogging caps the category).
        settings["Logging:LogLevel:Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure.PageActionInvoker"] = "Trace";
        settings["ConnectionStrings:Default"] = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { IncludeErrorDetail = false }.ConnectionString;
    }

    private static void Record(IServiceCollection services, LogCapture log, RequestRecorder urls)
    {
        services.AddSingleton<ILoggerProvider>(log);
        services.AddSingleton<IStartupFilter>(urls);
    }

    private async Task<FormClient> StartAsync(string path)
    {
        var form = new FormClient(Portal.CreateClient());
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

    private async Task<FormClient> StatusAsync(string number, string accessCode)
    {
        var status = new FormClient(Portal.CreateClient());
        await status.GetAsync("/status");
        await status.PostAsync([new("CaseNumber", number), new("AccessCode", accessCode)]);
        return status;
    }

    private async Task<HttpClient> SignInAsync(string email)
    {
        var client = BackOffice.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true });
        var response = await PostStaffFormRawAsync(client, "/Account/SignIn", new() { ["Email"] = email, ["Password"] = DemoStaff.Password });
        Assert.DoesNotContain("/Account/SignIn", response.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.OrdinalIgnoreCase);
        return client;
    }

    private static async Task<string> PostStaffFormAsync(HttpClient client, string path, Dictionary<string, string> fields, string? formPage = null) =>
        (await Html.ParseAsync(await PostStaffFormRawAsync(client, path, fields, formPage))).Text("main");

    private static async Task<HttpResponseMessage> PostStaffFormRawAsync(HttpClient client, string path, Dictionary<string, string> fields, string? formPage = null)
    {
        var page = await Html.ParseAsync(await client.GetAsync(new Uri(formPage ?? path, UriKind.Relative)));
        fields["__RequestVerificationToken"] = Html.AntiforgeryToken(page);
        var response = await client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(fields));
        Assert.True(response.IsSuccessStatusCode, $"{path}: {response.StatusCode}");
        return response;
    }

    /// <summary>Until every outbox row already due (routing, e-mails) was handled by the BackOffice's Hangfire server.</summary>
    private async Task WaitForJobsAsync()
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        await using var db = _database.CreateDbContext();
        while (true)
        {
            var now = DateTimeOffset.UtcNow;
            var pending = await db.OutboxMessages.AsNoTracking().Where(m => m.ProcessedAt == null && m.DueAt <= now && m.CreatedAt >= _started).ToListAsync();
            if (pending.Count == 0)
            {
                return;
            }
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Outbox rows not handled: {string.Join(", ", pending.Select(m => $"{m.Id} {m.Kind}/{m.Template} attempts {m.Attempts}"))}. {BackOffice.ServerErrors}");
            }
            await Task.Delay(50);
        }
    }
}
