using System.Security.Cryptography;
using Microsoft.Playwright;
using Parasol.Testing;

namespace Parasol.EndToEnd.Tests.Apply;

/// <summary>
/// A new user asks for a family assistant in real Chromium: every step, an error on the way, an upload, the receipt
/// and the status page, with axe-core (WCAG 2.0/2.1 A and AA) on every page they see.
/// </summary>
public sealed class FamilyAssistantInBrowserTests(BothApps apps) : IClassFixture<BothApps>
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n"u8, .. new byte[4000], .. "\n%%EOF\n"u8];

    public static TheoryData<string, Words> Languages => new()
    {
        { "pl", Words.Polish },
        { "en", Words.English },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task A_family_asks_for_an_assistant_and_follows_its_case(string culture, Words w)
    {
        await using var context = await Browser.NewContextAsync();
        await context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = $"c={culture}|uic={culture}", Url = apps.PortalUrl.ToString() }]);
        var page = await context.NewPageAsync();
        var violations = new List<string>();

        await page.GotoAsync(new Uri(apps.PortalUrl, "/apply/family-assistant").ToString());
        violations.AddRange(await Axe.ViolationsAsync(page));
        await page.GetByRole(AriaRole.Button, new() { Name = w.Start }).ClickAsync();

        // Step 1, first sent empty: the error state is checked too, and the summary links to the field.
        await Assertions.Expect(page.Locator(".step-progress")).ToHaveTextAsync(w.Step1);
        await page.GetByRole(AriaRole.Button, new() { Name = w.Continue }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        violations.AddRange(await Axe.ViolationsAsync(page));
        await page.Locator(".error-summary a[href='#Answers-FirstName']").ClickAsync();
        Assert.Equal("Answers-FirstName", await page.EvaluateAsync<string>("document.activeElement.id"));

        await page.GetByLabel(w.Parent, new() { Exact = true }).CheckAsync();
        await page.GetByLabel(w.FirstName, new() { Exact = true }).FillAsync("Anna");
        await page.GetByLabel(w.LastName, new() { Exact = true }).FillAsync("Wójcik");
        await page.GetByLabel(w.Pesel, new() { Exact = true }).FillAsync("90032712341");
        await page.GetByRole(AriaRole.Button, new() { Name = w.Continue }).ClickAsync();

        await Assertions.Expect(page.Locator(".step-progress")).ToHaveTextAsync(w.Step2);
        violations.AddRange(await Axe.ViolationsAsync(page));
        await page.GetByLabel(w.Street, new() { Exact = true }).FillAsync("3 Maja");
        await page.GetByLabel(w.House, new() { Exact = true }).FillAsync("36");
        await page.GetByLabel(w.PostalCode, new() { Exact = true }).FillAsync("44-230");
        await page.GetByLabel(w.City, new() { Exact = true }).FillAsync("Lipowiec");
        await page.GetByLabel(w.Email, new() { Exact = true }).FillAsync("anna.wojcik@gmial.com");
        await page.GetByLabel(w.ByEmail, new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = w.Continue }).ClickAsync();

        // A slip in the mail domain: the step comes back once with "did you mean", which has the focus.
        await Assertions.Expect(page.Locator(".notice-summary")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator(".notice-summary a")).ToContainTextAsync("anna.wojcik@gmail.com");
        violations.AddRange(await Axe.ViolationsAsync(page));
        await page.Locator(".notice-summary a").ClickAsync();
        await page.Locator("input[name='EmailCheck.Choice'][value=Suggested]").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = w.Continue }).ClickAsync();

        await Assertions.Expect(page.Locator(".step-progress")).ToHaveTextAsync(w.Step3);
        violations.AddRange(await Axe.ViolationsAsync(page));
        await page.Locator("#Answers-Children-0-FirstName").FillAsync("Zosia");
        await page.Locator("#Answers-Children-0-DateOfBirth").FillAsync("14");
        await page.Locator("#Answers-Children-0-DateOfBirth-Month").FillAsync("9");
        await page.Locator("#Answers-Children-0-DateOfBirth-Year").FillAsync("2018");
        await page.GetByRole(AriaRole.Button, new() { Name = w.Continue }).ClickAsync();

        await Assertions.Expect(page.Locator(".step-progress")).ToHaveTextAsync(w.Step4);
        violations.AddRange(await Axe.ViolationsAsync(page));
        await page.Locator("#Answers-Difficulties").FillAsync(w.Difficulties);
        await page.GetByLabel(w.HelpSchool, new() { Exact = true }).CheckAsync();
        await page.GetByLabel(w.No, new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = w.Continue }).ClickAsync();

        await Assertions.Expect(page.Locator(".step-progress")).ToHaveTextAsync(w.Step5);
        violations.AddRange(await Axe.ViolationsAsync(page));
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "opinia.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await page.GetByRole(AriaRole.Button, new() { Name = w.Upload }).ClickAsync();
        await Assertions.Expect(page.Locator(".file-name")).ToHaveTextAsync("opinia.pdf");
        violations.AddRange(await Axe.ViolationsAsync(page));
        // The same file again is refused, naming the one already there.
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "opinia (1).pdf", MimeType = "application/pdf", Buffer = Pdf });
        await page.GetByRole(AriaRole.Button, new() { Name = w.Upload }).ClickAsync();
        await Assertions.Expect(page.Locator("#file-error")).ToContainTextAsync("opinia.pdf");
        await Assertions.Expect(page.Locator(".file-name")).ToHaveCountAsync(1);
        violations.AddRange(await Axe.ViolationsAsync(page));
        await page.GetByRole(AriaRole.Button, new() { Name = w.Continue }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(w.CheckHeading);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Anna Wójcik");
        violations.AddRange(await Axe.ViolationsAsync(page));
        await page.GetByLabel(w.Consent).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = w.Send }).ClickAsync();

        await Assertions.Expect(page.Locator(".panel-title")).ToHaveTextAsync(w.Received);
        violations.AddRange(await Axe.ViolationsAsync(page));
        var number = (await page.Locator(".case-number").InnerTextAsync()).Trim();
        var code = (await page.Locator(".access-code").InnerTextAsync()).Trim();
        await Assertions.Expect(page.Locator(".attachments-table")).ToContainTextAsync(Convert.ToHexStringLower(SHA256.HashData(Pdf)));
        Assert.DoesNotContain("Anna", page.Url, StringComparison.Ordinal);
        // Reloaded, the receipt keeps everything but the access code, and says where the code is.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator(".access-code-gone")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".access-code")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".case-number")).ToHaveTextAsync(number);
        violations.AddRange(await Axe.ViolationsAsync(page));

        await page.GotoAsync(new Uri(apps.PortalUrl, "/status").ToString());
        violations.AddRange(await Axe.ViolationsAsync(page));
        await page.GetByLabel(w.CaseNumber, new() { Exact = true }).FillAsync(number);
        await page.GetByLabel(w.AccessCode, new() { Exact = true }).FillAsync("AAAA-BBBB-CCCC");
        await page.GetByRole(AriaRole.Button, new() { Name = w.CheckMyCase }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        violations.AddRange(await Axe.ViolationsAsync(page));
        await page.GetByLabel(w.AccessCode, new() { Exact = true }).FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = w.CheckMyCase }).ClickAsync();

        await Assertions.Expect(page.Locator(".status-stage")).ToHaveTextAsync(w.StageReceived);
        violations.AddRange(await Axe.ViolationsAsync(page));
        Assert.Empty(violations);
    }


    /// <summary>What the user reads and clicks, in one language.</summary>
    public sealed record Words(
        string Start, string Continue, string Step1, string Step2, string Step3, string Step4, string Step5,
        string Parent, string FirstName, string LastName, string Pesel, string Street, string House, string PostalCode, string City,
        string Email, string ByEmail, string Difficulties, string HelpSchool, string No, string Upload, string CheckHeading,
        string Consent, string Send, string Received, string CaseNumber, string AccessCode, string CheckMyCase, string StageReceived)
    {
        public static readonly Words Polish = new(
            "Rozpocznij", "Dalej", "Krok 1 z 5", "Krok 2 z 5", "Krok 3 z 5", "Krok 4 z 5", "Krok 5 z 5",
            "Rodzic", "Imię", "Nazwisko", "Numer PESEL", "Ulica", "Numer domu", "Kod pocztowy", "Miejscowość",
            "Adres e-mail", "Mailowo", "Syn ma kłopoty w szkole.", "Sprawy szkolne", "Nie", "Wyślij plik", "Sprawdź odpowiedzi przed wysłaniem",
            "Zgadzam się na współpracę", "Wyślij wniosek", "Wniosek przyjęty", "Numer sprawy", "Kod dostępu", "Sprawdź moją sprawę",
            "Przyjęta: czeka na przekazanie pracownikowi socjalnemu");

        public static readonly Words English = new(
            "Start now", "Continue", "Step 1 of 5", "Step 2 of 5", "Step 3 of 5", "Step 4 of 5", "Step 5 of 5",
            "A parent", "First name", "Last name", "PESEL number", "Street", "House number", "Postal code", "Town or city",
            "E-mail address", "By e-mail", "Our son has trouble at school.", "Problems at school", "No", "Upload file", "Check your answers before sending",
            "I agree to work with a family assistant", "Send my request", "Application received", "Case number", "Access code", "Check my case",
            "Received: waiting to be given to a social worker");
    }
}
