using Microsoft.EntityFrameworkCore;
using Parasol.Core.Cases;
using Parasol.Testing;

namespace Parasol.BackOffice.Tests.Pages.Audit;

public sealed class AuditPageTests(BackOfficeFactory backOffice) : IClassFixture<BackOfficeFactory>
{
    [Fact]
    public async Task The_director_finds_who_opened_a_case_by_its_number_and_by_the_person()
    {
        await using var db = backOffice.App.Database.CreateDbContext();
        var c = await db.Cases.AsNoTracking().FirstAsync(x => x.Status == CaseStatus.InterviewPlanned);
        var clerk = await db.Users.SingleAsync(u => u.Email == "kancelaria@ops.example");
        using (var clerkClient = await StaffSession.SignInAsync(backOffice.App, "kancelaria@ops.example"))
        {
            await StaffSession.GetPageAsync(clerkClient, $"/cases/{c.Id}");
        }
        using var director = await StaffSession.SignInAsync(backOffice.App, "dyrektor@ops.example");

        var byCase = await StaffSession.GetPageAsync(director, $"/Audit?CaseNumber={Uri.EscapeDataString(c.Number)}");
        var byPerson = await StaffSession.GetPageAsync(director, $"/Audit?StaffId={clerk.Id}");

        var row = byCase.QuerySelectorAll("table.audit tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList()).Single();
        Assert.Equal(["Anna Nowak", "Wyświetlenie sprawy", c.Number], row.Skip(1).Take(3));
        Assert.All(byPerson.QuerySelectorAll("table.audit tbody tr td:nth-child(2)"), td => Assert.Equal("Anna Nowak", td.TextContent.Trim()));
    }

    [Theory]
    [InlineData("/Audit/Index?To=9999-12-31")]
    [InlineData("/Audit/Index?From=0001-01-01&To=9999-12-31")]
    public async Task The_earliest_and_latest_dates_filter_as_no_bound_instead_of_failing(string path)
    {
        await using var db = backOffice.App.Database.CreateDbContext();
        using var director = await StaffSession.SignInAsync(backOffice.App, "dyrektor@ops.example");
        await StaffSession.GetPageAsync(director, $"/cases/{(await db.Cases.FirstAsync()).Id}");

        var filtered = await StaffSession.GetPageAsync(director, path);

        Assert.Equal("9999-12-31", filtered.QuerySelector("#To")!.GetAttribute("value"));
        Assert.NotEmpty(filtered.QuerySelectorAll("table.audit tbody tr"));
    }

    [Fact]
    public async Task The_director_finds_who_searched_the_queue_for_a_pesel_even_when_nothing_was_found_and_the_words_stay_out_of_addresses()
    {
        await using var db = backOffice.App.Database.CreateDbContext();
        var pesel = (await db.CasePeople.AsNoTracking().Where(p => p.Pesel != null).Select(p => p.Pesel!).FirstAsync());
        const string nobody = "44051401458";
        using (var clerk = await StaffSession.SignInAsync(backOffice.App, "kancelaria@ops.example"))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, (await StaffSession.PostFormAsync(clerk, "/", new() { ["Tab"] = "All", ["Search"] = $" {pesel} " })).StatusCode);
            Assert.Equal(System.Net.HttpStatusCode.OK, (await StaffSession.PostFormAsync(clerk, "/", new() { ["Tab"] = "All", ["Search"] = nobody })).StatusCode);
        }
        using var director = await StaffSession.SignInAsync(backOffice.App, "dyrektor@ops.example");

        var form = await StaffSession.GetPageAsync(director, "/Audit");
        Assert.Equal("post", form.QuerySelector("form.queue-filters")!.GetAttribute("method"));
        var found = await Html.ParseAsync(await StaffSession.PostFormAsync(director, "/Audit", new() { ["SearchedFor"] = pesel }, "/Audit"));
        var notFound = await Html.ParseAsync(await StaffSession.PostFormAsync(director, "/Audit", new() { ["SearchedFor"] = nobody }, "/Audit"));

        static List<List<string>> Rows(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelectorAll("table.audit tbody tr")
            .Select(r => r.QuerySelectorAll("td").Skip(1).Select(td => td.TextContent.Trim()).ToList()).ToList();
        Assert.Equal([["Anna Nowak", "Wyszukiwanie w kolejce", "", pesel]], Rows(found));
        Assert.Equal([["Anna Nowak", "Wyszukiwanie w kolejce", "", nobody]], Rows(notFound));
    }
}
