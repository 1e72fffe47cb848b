using System.Net;
using Microsoft.EntityFrameworkCore;
using Parasol.Core.Audit;
using Parasol.Core.Seeding;
using Parasol.Testing;

namespace Parasol.BackOffice.Tests.Pages.Account;

/// <summary>The back office with every session checked against the account at each request.</summary>
public sealed class SessionCheckedBackOffice : IAsyncLifetime
{
    public ParasolAppFactory<SharedResource> App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = new ParasolAppFactory<SharedResource>(await TestDatabase.CreateAsync());
        App.Settings["Staff:SessionCheckSeconds"] = "0";
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await App.Database.DisposeAsync();
    }
}

public sealed class ChangePasswordTests(SessionCheckedBackOffice backOffice) : IClassFixture<SessionCheckedBackOffice>
{
    private const string NewPassword = "Nowe-haslo-2026!";

    [Theory]
    [InlineData("", "", "", "CurrentPassword:Wpisz obecne hasło|NewPassword:Wpisz nowe hasło|ConfirmNewPassword:Wpisz ponownie nowe hasło")]
    [InlineData("wrong-password-1", NewPassword, NewPassword, "CurrentPassword:Obecne hasło jest nieprawidłowe")]
    [InlineData(DemoStaff.Password, "Krótkie-1!", "Krótkie-1!", "NewPassword:Nowe hasło musi mieć co najmniej 12 znaków")]
    [InlineData(DemoStaff.Password, "bez-wielkich-liter-1", "bez-wielkich-liter-1", "NewPassword:Nowe hasło musi zawierać wielką literę")]
    [InlineData(DemoStaff.Password, NewPassword, "Inne-haslo-2026!", "ConfirmNewPassword:Powtórzone hasło różni się od nowego")]
    public async Task Mistakes_are_explained_next_to_each_field_and_in_the_summary_and_no_password_is_written_back(
        string current, string @new, string confirmation, string expected)
    {
        using var client = await StaffSession.SignInAsync(backOffice.App, "j.wisniewski@ops.example");

        var response = await ChangeAsync(client, current, @new, confirmation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        var errors = expected.Split('|').Select(e => (Field: e[..e.IndexOf(':', StringComparison.Ordinal)], Message: e[(e.IndexOf(':', StringComparison.Ordinal) + 1)..])).ToList();
        Assert.Equal(errors.Select(e => $"#{e.Field} {e.Message}").Order(),
            page.QuerySelectorAll(".error-summary a").Select(a => $"{a.GetAttribute("href")} {a.TextContent.Trim()}").Order());
        foreach (var (field, message) in errors)
        {
            Assert.Equal(message, page.QuerySelector($"#{field}")!.ParentElement!.QuerySelector(".field-error")!.TextContent.Trim());
        }
        Assert.All(page.QuerySelectorAll("input[type=password]"), input => Assert.True(string.IsNullOrEmpty(input.GetAttribute("value"))));
        // Nothing changed: the old password still signs in.
        using var again = await StaffSession.SignInAsync(backOffice.App, "j.wisniewski@ops.example");
    }

    [Fact]
    public async Task A_new_password_signs_out_the_other_sessions_keeps_this_one_and_is_audited()
    {
        var app = backOffice.App;
        using var office = await StaffSession.SignInAsync(app, "a.kowalska@ops.example");
        using var home = await StaffSession.SignInAsync(app, "a.kowalska@ops.example");

        var response = await ChangeAsync(office, DemoStaff.Password, NewPassword, NewPassword);

        Assert.Equal("/Account/Security", StaffSession.Target(response));
        Assert.Equal("Hasło zostało zmienione. Na innych urządzeniach trzeba zalogować się ponownie.",
            (await StaffSession.GetPageAsync(office, "/Account/Security")).Text(".notice"));
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
        Assert.StartsWith("/Account/SignIn", StaffSession.Target(await home.GetAsync(new Uri("/", UriKind.Relative)))!, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => StaffSession.SignInAsync(app, "a.kowalska@ops.example"));
        using var withNew = await StaffSession.SignInAsync(app, "a.kowalska@ops.example", NewPassword);
        await using var db = app.Database.CreateDbContext();
        var member = await db.Users.SingleAsync(u => u.Email == "a.kowalska@ops.example");
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.StaffId == member.Id && a.Action == AuditAction.PasswordChanged));
    }

    private static Task<HttpResponseMessage> ChangeAsync(HttpClient client, string current, string @new, string confirmation) =>
        StaffSession.PostFormAsync(client, "/Account/Security?handler=ChangePassword", new()
        {
            ["CurrentPassword"] = current,
            ["NewPassword"] = @new,
            ["ConfirmNewPassword"] = confirmation,
        }, formPage: "/Account/Security");
}
