using System.Net;
using Microsoft.EntityFrameworkCore;
using Parasol.Core.Seeding;
using Parasol.Core.Staff;
using Parasol.Testing;

namespace Parasol.BackOffice.Tests.Pages.Admin;

public sealed class StaffPagesTests(BackOfficeFactory backOffice) : IClassFixture<BackOfficeFactory>
{
    [Fact]
    public async Task The_administrator_adds_a_social_worker_who_can_then_sign_in_and_see_the_queue()
    {
        using var admin = await StaffSession.SignInAsync(backOffice.App, "admin@ops.example");

        var response = await StaffSession.PostFormAsync(admin, "/Admin/Staff/Edit", new()
        {
            ["FirstName"] = "Zofia",
            ["LastName"] = "Łukasiewicz",
            ["Email"] = "z.lukasiewicz@ops.example",
            ["Password"] = "Nowe-haslo-2026!",
            ["Roles"] = StaffRole.SocialWorker,
        });

        Assert.Equal("/Admin/Staff", StaffSession.Target(response));
        var list = await StaffSession.GetPageAsync(admin, "/Admin/Staff");
        Assert.Contains(list.QuerySelectorAll("tbody tr"), tr => tr.TextContent.Contains("Zofia Łukasiewicz", StringComparison.Ordinal) && tr.TextContent.Contains("Pracownik socjalny", StringComparison.Ordinal));
        using var worker = await StaffSession.SignInAsync(backOffice.App, "z.lukasiewicz@ops.example", "Nowe-haslo-2026!");
        Assert.Equal("Sprawy", (await StaffSession.GetPageAsync(worker, "/")).Text("h1"));
    }

    [Theory]
    [InlineData("bez-wielkich-liter-1", "Pierwsze hasło musi zawierać wielką literę")]
    [InlineData("Bez-Cyfr-Zadnych!", "Pierwsze hasło musi zawierać cyfrę")]
    [InlineData("BezZnakow2026abc", "Pierwsze hasło musi zawierać znak inny niż litera i cyfra, na przykład ! lub -")]
    [InlineData("Krótkie-1!", "Wpisz pierwsze hasło o długości co najmniej 12 znaków")]
    public async Task A_first_password_that_breaks_a_rule_is_refused_with_that_rule(string password, string message)
    {
        using var admin = await StaffSession.SignInAsync(backOffice.App, "admin@ops.example");

        var response = await StaffSession.PostFormAsync(admin, "/Admin/Staff/Edit", new()
        {
            ["FirstName"] = "Zofia",
            ["LastName"] = "Łukasiewicz",
            ["Email"] = $"z.{Guid.NewGuid():N}@ops.example",
            ["Password"] = password,
            ["Roles"] = StaffRole.SocialWorker,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal(message, page.QuerySelector("#Password")!.ParentElement!.QuerySelector(".field-error")!.TextContent.Trim());
        Assert.Equal("Łukasiewicz", page.QuerySelector("#LastName")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Resetting_a_members_two_step_sign_in_ends_their_open_sessions_at_once()
    {
        await using var db = backOffice.App.Database.CreateDbContext();
        var member = await db.Users.SingleAsync(u => u.Email == "k.lewandowska@ops.example");
        using var session = await StaffSession.SignInAsync(backOffice.App, "k.lewandowska@ops.example");
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync(new Uri("/Account/Security", UriKind.Relative))).StatusCode);
        using var admin = await StaffSession.SignInAsync(backOffice.App, "admin@ops.example");

        await StaffSession.PostFormAsync(admin, $"/Admin/Staff/Edit/{member.Id}?handler=ResetTwoFactor", [], formPage: $"/Admin/Staff/Edit/{member.Id}");

        Assert.StartsWith("/Account/SignIn", StaffSession.Target(await session.GetAsync(new Uri("/Account/Security", UriKind.Relative)))!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deactivated_account_is_signed_out_and_cannot_sign_in_again()
    {
        await using var db = backOffice.App.Database.CreateDbContext();
        var assistant = await db.Users.SingleAsync(u => u.Email == "p.wojcik@ops.example");
        using var admin = await StaffSession.SignInAsync(backOffice.App, "admin@ops.example");

        await StaffSession.PostFormAsync(admin, $"/Admin/Staff/Edit/{assistant.Id}?handler=Active", new() { ["active"] = "false" }, formPage: $"/Admin/Staff/Edit/{assistant.Id}");

        using var client = StaffSession.Anonymous(backOffice.App);
        var response = await StaffSession.PostFormAsync(client, "/Account/SignIn", new() { ["Email"] = "p.wojcik@ops.example", ["Password"] = DemoStaff.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("To konto jest dezaktywowane. Zwróć się do administratora.", (await Html.ParseAsync(response)).Text(".field-error"));
        Assert.False((await db.Users.AsNoTracking().SingleAsync(u => u.Id == assistant.Id)).IsActive);
    }

    [Fact]
    public async Task The_office_profile_is_edited_and_the_change_audited()
    {
        using var admin = await StaffSession.SignInAsync(backOffice.App, "admin@ops.example");

        var form = await StaffSession.GetPageAsync(admin, "/Admin/Office");
        var fields = form.QuerySelectorAll("form[method=post] input").Where(i => i.GetAttribute("name") is not null and not "__RequestVerificationToken")
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        fields["ShortName"] = "MOPS Lipowiec Zdrój";
        var response = await StaffSession.PostFormAsync(admin, "/Admin/Office", fields);

        Assert.Equal("/Admin/Office", StaffSession.Target(response));
        Assert.Equal("MOPS Lipowiec Zdrój", (await StaffSession.GetPageAsync(admin, "/Admin/Office")).QuerySelector("#ShortName")!.GetAttribute("value"));
        await using var db = backOffice.App.Database.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == Core.Audit.AuditAction.OfficeChanged));
    }

    [Fact]
    public async Task The_language_switcher_shows_the_back_office_in_ukrainian()
    {
        using var clerk = await StaffSession.SignInAsync(backOffice.App, "kancelaria@ops.example");

        var response = await StaffSession.PostFormAsync(clerk, "/Account/Language", new() { ["culture"] = "uk", ["returnUrl"] = "/" }, formPage: "/");

        Assert.Equal("/", StaffSession.Target(response));
        var page = await StaffSession.GetPageAsync(clerk, "/");
        Assert.Equal("uk", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Справи", page.Text("h1"));
    }
}
