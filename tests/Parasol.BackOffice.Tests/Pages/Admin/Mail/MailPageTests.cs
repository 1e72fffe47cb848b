using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parasol.Core.Mail;
using Parasol.Core.Outbox;
using Parasol.Core.Staff;
using Parasol.Testing;

namespace Parasol.BackOffice.Tests.Pages.Admin.Mail;

public sealed class MailPageTests : IAsyncLifetime
{
    private ParasolAppFactory<SharedResource> App { get; set; } = null!;

    public async Task InitializeAsync()
    {
        App = new ParasolAppFactory<SharedResource>(await TestDatabase.CreateAsync());
        HeaderRoles.Use(App);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await App.Database.DisposeAsync();
    }

    [Theory]
    [InlineData("pl")]
    [InlineData("en")]
    [InlineData("uk")]
    public void Every_kind_of_email_has_a_name_in_the_administrators_language(string culture)
    {
        var localizer = App.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>();
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(culture);
        try
        {
            foreach (var template in Enum.GetValues<MailTemplate>())
            {
                var name = localizer[Parasol.BackOffice.Pages.Admin.Mail.IndexModel.TemplateName(template)];
                Assert.False(name.ResourceNotFound, $"{template} has no {culture} name");
            }
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public async Task An_administrator_sees_a_failed_email_with_its_error_and_can_send_it_again()
    {
        long id;
        await using (var db = App.Database.CreateDbContext())
        {
            var message = new OutboxMessage
            {
                Kind = OutboxKind.Email,
                Template = MailTemplate.Receipt,
                RecipientEmail = "anna.nowak@example.test",
                Language = "pl",
                CreatedAt = DateTimeOffset.UtcNow.AddMinutes(-5),
                DueAt = DateTimeOffset.UtcNow.AddHours(1),
                Attempts = 10,
                Abandoned = true,
                LastAttemptAt = DateTimeOffset.UtcNow,
                LastError = "SocketException: Connection refused",
            };
            db.OutboxMessages.Add(message);
            await db.SaveChangesAsync();
            id = message.Id;
        }
        using var client = HeaderRoles.Client(App, StaffRole.Administrator);

        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/Admin/Mail", UriKind.Relative)));

        Assert.Equal("Wysyłka e-maili", page.Text("h1"));
        var row = page.QuerySelectorAll("tbody tr").Single();
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal("Potwierdzenie wpływu", cells[0]);
        Assert.Equal("a***@example.test", cells[2]);
        Assert.Equal("Wstrzymano po wielu próbach", cells[4]);
        Assert.Equal("SocketException: Connection refused", cells[6]);

        var response = await client.PostAsync(new Uri($"/Admin/Mail?handler=Retry&id={id}&show=Failed", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Html.AntiforgeryToken(page) }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var check = App.Database.CreateDbContext();
        var retried = await check.OutboxMessages.SingleAsync(m => m.Id == id);
        Assert.False(retried.Abandoned);
        Assert.True(retried.DueAt <= DateTimeOffset.UtcNow);
    }

    [Theory]
    [InlineData(StaffRole.Director)]
    [InlineData(StaffRole.SocialWorker)]
    public async Task Other_staff_cannot_open_it(string role)
    {
        using var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(HeaderRoles.Header, role);

        var response = await client.GetAsync(new Uri("/Admin/Mail", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
