using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Parasol.Core.Cases;
using Parasol.Testing;

namespace Parasol.BackOffice.Tests.Pages.Shared;

/// <summary>
/// The back office's forms send mistakes back as the Portal's do: the error summary lists them in the order of the fields
/// on the page, the title starts with "Błąd:" and each field is described by its message.
/// </summary>
public sealed class ErrorSummaryTests(BackOfficeFactory backOffice) : IClassFixture<BackOfficeFactory>
{
    [Fact]
    public async Task Changing_a_password_lists_the_current_the_new_and_the_repeated_one_in_that_order()
    {
        using var client = await StaffSession.SignInAsync(backOffice.App, "p.wojcik@ops.example");

        var page = await PostAsync(client, "/Account/Security?handler=ChangePassword",
            new() { ["CurrentPassword"] = "", ["NewPassword"] = "", ["ConfirmNewPassword"] = "" }, formPage: "/Account/Security");

        Assert.Equal(["#CurrentPassword", "#NewPassword", "#ConfirmNewPassword"], Links(page));
        AssertInPageOrder(page);
    }

    [Fact]
    public async Task A_new_member_of_staff_lists_first_name_surname_email_and_password_in_that_order()
    {
        using var admin = await StaffSession.SignInAsync(backOffice.App, "admin@ops.example");

        var page = await PostAsync(admin, "/Admin/Staff/Edit", new() { ["FirstName"] = "", ["LastName"] = "", ["Email"] = "", ["Password"] = "" });

        Assert.Equal(["#FirstName", "#LastName", "#Email", "#Password"], Links(page));
        AssertInPageOrder(page);
    }

    public static TheoryData<string, string, string?> Forms => new()
    {
        { "anonymous", "/Account/SignIn", null },
        { "p.wojcik@ops.example", "/Account/Security?handler=ChangePassword", "/Account/Security" },
        { "p.wojcik@ops.example", "/Account/Authenticator", null },
        { "admin@ops.example", "/Admin/Staff/Edit", null },
        { "admin@ops.example", "/Admin/Office", null },
        { "admin@ops.example", "/Admin/Districts?handler=AddDistrict", "/Admin/Districts" },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task A_form_sent_back_with_mistakes_says_so_first_in_its_title_and_a_fresh_one_does_not(string who, string action, string? formPage)
    {
        using var client = who == "anonymous" ? StaffSession.Anonymous(backOffice.App) : await StaffSession.SignInAsync(backOffice.App, who);
        var fresh = await StaffSession.GetPageAsync(client, formPage ?? action);

        var page = await PostAsync(client, action, EmptyFields(fresh), formPage);

        Assert.DoesNotMatch("^Błąd", fresh.Title);
        Assert.StartsWith("Błąd: ", page.Title, StringComparison.Ordinal);
        Assert.NotEmpty(Links(page));
    }

    [Theory]
    [InlineData("en", "Error: ")]
    [InlineData("uk", "Помилка: ")]
    public async Task The_title_says_error_in_the_staff_members_language(string culture, string prefix)
    {
        using var client = StaffSession.Anonymous(backOffice.App);

        var page = await PostAsync(client, $"/Account/SignIn?culture={culture}", []);

        Assert.StartsWith(prefix, page.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_field_with_a_mistake_is_marked_invalid_and_described_by_its_message_besides_its_hint()
    {
        using var client = await StaffSession.SignInAsync(backOffice.App, "p.wojcik@ops.example");

        var page = await PostAsync(client, "/Account/Security?handler=ChangePassword", new() { ["CurrentPassword"] = "x", ["ConfirmNewPassword"] = "y" }, formPage: "/Account/Security");

        var field = page.QuerySelector("#NewPassword")!;
        Assert.Equal("true", field.GetAttribute("aria-invalid"));
        Assert.Equal(["new-password-hint", "NewPassword-error"], field.GetAttribute("aria-describedby")!.Split(' '));
        Assert.Equal("Wpisz nowe hasło", page.Text("#NewPassword-error"));
        Assert.Null(page.QuerySelector("#CurrentPassword")!.GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task An_empty_note_on_a_case_is_sent_back_with_the_summary_linking_to_the_note()
    {
        await using var db = backOffice.App.Database.CreateDbContext();
        var c = await db.Cases.AsNoTracking().FirstAsync(x => x.Status == CaseStatus.Received);
        using var client = await StaffSession.SignInAsync(backOffice.App, "kancelaria@ops.example");

        var page = await PostAsync(client, $"/cases/{c.Id}?handler=Note", new() { ["Note"] = " " }, formPage: $"/cases/{c.Id}");

        Assert.StartsWith("Błąd: ", page.Title, StringComparison.Ordinal);
        Assert.Equal(["#Note"], Links(page));
        Assert.Equal("true", page.QuerySelector("#Note")!.GetAttribute("aria-invalid"));
        // The summary stands first in <main>, above the case's heading.
        Assert.Equal("error-summary", page.QuerySelector("main")!.FirstElementChild!.ClassName);
    }

    private static async Task<IHtmlDocument> PostAsync(HttpClient client, string action, Dictionary<string, string> fields, string? formPage = null) =>
        await Html.ParseAsync(await StaffSession.PostFormAsync(client, action, fields, formPage));

    /// <summary>Every text field of the page's main form left empty.</summary>
    private static Dictionary<string, string> EmptyFields(IHtmlDocument page) =>
        page.QuerySelectorAll("main form input:not([type=hidden]):not([type=checkbox]):not([type=radio])")
            .Select(i => i.GetAttribute("name"))
            .OfType<string>()
            .Distinct()
            .ToDictionary(n => n, _ => "");

    private static List<string> Links(IHtmlDocument page) =>
        [.. page.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")!)];

    /// <summary>Each link's field comes after the previous link's field in the page.</summary>
    private static void AssertInPageOrder(IHtmlDocument page)
    {
        var elements = page.All.ToList();
        var positions = Links(page).Select(link => elements.IndexOf(page.GetElementById(link[1..])!)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
    }
}
